package org.netzerocities.campaign.audience;

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

/** The member's data export of campaign-service: their own audience record only, whatever the request. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class AudienceExportTest extends MemberExportContract {

    @Autowired
    CitizenRepository citizens;

    @Override
    protected String exportRoute() {
        return "/api/campaigns/me/export";
    }

    @Override
    protected String memberIn(String city) {
        String memberId = UUID.randomUUID().toString();
        join(memberId, city, "sv");
        await().atMost(CONSUMED_WITHIN).until(() -> citizens.existsById(memberId));
        return memberId;
    }

    @Override
    protected List<ResultMatcher> holdsTheDataOf(String memberId, String city) {
        return List.of(
                jsonPath("$.citizen.memberId").value(memberId),
                jsonPath("$.citizen.city").value(city),
                jsonPath("$.citizen.appliedEvents").doesNotExist());
    }

    @Override
    protected List<ResultMatcher> holdsNothing() {
        return List.of(jsonPath("$.citizen").value(nullValue()));
    }
}
