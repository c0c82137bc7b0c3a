package org.netzerocities.community.cityview;

import org.netzerocities.community.call.CallsToJoin;
import org.netzerocities.community.onboarding.OnboardingFunnel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The city view's funnel comes from the onboarding kit, its calls' titles from the calls to join. */
@Configuration(proxyBeanMethods = false)
class CityViewSources {

    @Bean
    FunnelSource funnelFromOnboarding(OnboardingFunnel onboarding) {
        return city -> {
            OnboardingFunnel.Funnel funnel = onboarding.of(city);
            return new FunnelSource.Funnel(funnel.joined(), funnel.onboarded(), funnel.activated());
        };
    }

    @Bean
    CallSource callsFromCallsToJoin(CallsToJoin calls) {
        return city -> calls.callsOf(city).stream()
                .map(call -> new CallSource.Call(call.code(), call.title(), call.closesAt(), call.open())).toList();
    }
}
