package org.netzerocities.community.call;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.support.PublicEndpoints;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Calls learn of joins and erasures from community-service's own member events, not from the member package:
 * the count is exact under redelivery and with several instances, and registration stays one write.
 */
@Configuration(proxyBeanMethods = false)
class CallConfiguration {

    @Bean
    CallCodes callCodes() {
        return new CallCodes();
    }

    /** What the portal shows before someone registers with a code. */
    @Bean
    PublicEndpoints callPublicEndpoints() {
        return PublicEndpoints.of(PublicEndpoints.get("/api/community/calls/*"));
    }

    @Bean
    EventHandler<MemberJoined> joinThroughCall(CallService calls) {
        return EventHandler.on(EventCatalog.MEMBER_JOINED, (joined, event) -> {
            if (joined.callCode() != null) {
                calls.countJoin(joined.callCode(), joined.memberId(), event.id());
            }
        });
    }

    /** The calls a member launched, in their data export; erasure removes them as launcher. */
    @Bean
    PersonalData launchedCalls(CallsToJoin calls) {
        return new PersonalData("callsLaunched", calls::launchedBy);
    }

    @Bean
    EventHandler<MemberErased> launcherErased(CallService calls) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> calls.forgetLauncher(erased.memberId()));
    }
}
