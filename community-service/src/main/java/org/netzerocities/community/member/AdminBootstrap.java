package org.netzerocities.community.member;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the configured operator account on start-up, so a fresh platform can be administered at once. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String EMBEDDED_DEFAULT_PASSWORD = "change-me-now";

    private final AdminProperties admin;
    private final MemberService members;

    AdminBootstrap(AdminProperties admin, MemberService members) {
        this.admin = admin;
        this.members = members;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.configured()) {
            log.warn("No bootstrap admin: set NZC_ADMIN_EMAIL and NZC_ADMIN_PASSWORD to create one");
            return;
        }
        if (members.ensureOperator(admin.email(), admin.password())) {
            log.info("Bootstrap admin {} created", admin.email());
        }
        if (EMBEDDED_DEFAULT_PASSWORD.equals(admin.password())) {
            log.warn("Bootstrap admin {} uses the embedded default password '{}': set NZC_ADMIN_EMAIL and "
                    + "NZC_ADMIN_PASSWORD for anything but a local run", admin.email(), EMBEDDED_DEFAULT_PASSWORD);
        }
    }
}
