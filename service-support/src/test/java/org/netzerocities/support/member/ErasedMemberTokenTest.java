package org.netzerocities.support.member;

import org.netzerocities.testsupport.ConsumingServiceTest;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.ConsumingProbeApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** A member's still valid token stops working once MemberErased arrives from the real broker. */
@SpringBootTest(classes = ConsumingProbeApplication.class, properties = {
        "spring.kafka.consumer.group-id=probe-service", "spring.mongodb.database=probe-service" })
@AutoConfigureMockMvc
class ErasedMemberTokenTest extends ConsumingServiceTest {

    @Autowired
    RefusedMembers refused;

    @Test
    void anErasedMembersTokenIsRefusedOnceTheEventArrivesAndOthersStillWork() throws Exception {
        String erased = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String token = ConsumingProbeApplication.token(Map.of("sub", erased, "roles", List.of("MEMBER")));
        String otherToken = ConsumingProbeApplication.token(Map.of("sub", other, "roles", List.of("MEMBER")));
        call(token).andExpect(status().isOk()).andExpect(jsonPath("$.memberId").value(erased));

        erase(erased, "cluj-napoca");

        await().atMost(CONSUMED_WITHIN).until(() -> refused.isRefused(erased));
        call(token)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/unauthenticated"))
                .andExpect(jsonPath("$.status").value(401));
        call(otherToken).andExpect(status().isOk());
    }

    private ResultActions call(String token) throws Exception {
        return http.perform(get("/probe/me").header("Authorization", "Bearer " + token));
    }
}
