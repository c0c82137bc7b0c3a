package org.netzerocities.community.member;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code nzc.admin.*}: the bootstrap operator account, from {@code NZC_ADMIN_EMAIL} / {@code NZC_ADMIN_PASSWORD}. */
@ConfigurationProperties("nzc.admin")
public record AdminProperties(String email, String password) {

    boolean configured() {
        return email != null && !email.isBlank() && password != null && !password.isBlank();
    }
}
