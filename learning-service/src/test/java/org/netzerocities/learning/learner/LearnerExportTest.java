package org.netzerocities.learning.learner;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.List;
import java.util.UUID;

import org.netzerocities.testsupport.MemberExportContract;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.ResultMatcher;

/** The member's data export of learning-service: their own learner record only, whatever the request. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class LearnerExportTest extends MemberExportContract {

    @Autowired
    LearnerRepository learners;

    @Override
    protected String exportRoute() {
        return "/api/learning/me/export";
    }

    @Override
    protected String memberIn(String city) {
        String memberId = UUID.randomUUID().toString();
        join(memberId, city, "sv");
        await().atMost(CONSUMED_WITHIN).until(() -> learners.existsById(memberId));
        return memberId;
    }

    @Override
    protected List<ResultMatcher> holdsTheDataOf(String memberId, String city) {
        return List.of(
                jsonPath("$.learner.memberId").value(memberId),
                jsonPath("$.learner.city").value(city),
                jsonPath("$.learner.appliedEvents").doesNotExist());
    }

    @Override
    protected List<ResultMatcher> holdsNothing() {
        return List.of(jsonPath("$.learner").value(nullValue()));
    }
}
