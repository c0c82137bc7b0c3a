package org.netzerocities.support.member;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.support.ConsumingProbeApplication;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** MemberSuspended from the real broker refuses a member's still valid token; MemberReinstated accepts it again. */
@SpringBootTest(classes = ConsumingProbeApplication.class, properties = {
        "spring.kafka.consumer.group-id=probe-service", "spring.mongodb.database=probe-service" })
@AutoConfigureMockMvc
class SuspendedMemberTokenTest extends ConsumingServiceTest {

    @Test
    void aSuspendedMembersTokenIsRefusedUntilTheMemberIsReinstated() throws Exception {
        assertSuspensionRefusesUntilReinstated(UUID.randomUUID().toString(), "/probe/me", CONSUMED_WITHIN);
    }
}
