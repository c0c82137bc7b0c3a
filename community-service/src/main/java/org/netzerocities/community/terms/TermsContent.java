package org.netzerocities.community.terms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds version 1 of the terms and privacy notice shipped with the service at start-up, before the instance is
 * ready (so no registration meets a platform without terms). Idempotent and safe with several instances starting
 * at once: only one insert of version 1 can win.
 */
@Component
class TermsContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TermsContent.class);
    static final String TERMS_V1 = "terms/terms-v1.en.md";
    static final String TERMS_V1_SUMMARY = "The first terms of use and privacy notice of NetZeroCommunities.";

    private final Terms terms;

    TermsContent(Terms terms) {
        this.terms = terms;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (terms.seedFirst(new TermsText(TERMS_V1_SUMMARY, read()))) {
            log.info("Terms version 1 seeded");
        }
    }

    static String read() {
        try (InputStream in = new ClassPathResource(TERMS_V1).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + TERMS_V1, ex);
        }
    }
}
