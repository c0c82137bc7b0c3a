package org.netzerocities.support;

import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The probe service with the event backbone, on the real broker and database: what service-support does for a
 * service that consumes events (the refusal of erased members' tokens).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ PlatformInfrastructure.class, ProbeApplication.ProbeController.class })
public class ConsumingProbeApplication {

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) ProbeApplication.KEYS.getPublic()).build();
    }

    public static String token(Map<String, Object> claims) {
        return ProbeApplication.token(claims);
    }
}
