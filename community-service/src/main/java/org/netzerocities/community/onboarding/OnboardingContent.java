package org.netzerocities.community.onboarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the content shipped with the service at start-up: manifesto version 1 and the English guides.
 * Idempotent and safe with several instances starting at once (each document's id is fixed, so only one
 * insert can win); content already there, translations included, is left as it is.
 */
@Component
class OnboardingContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OnboardingContent.class);
    static final String MANIFESTO_V1 = "onboarding/manifesto-v1.en.md";
    static final String MANIFESTO_V1_SUMMARY = "The first NetZeroCommunities manifesto: an open, collaborative and "
            + "respectful community working for climate-neutral cities by 2030.";
    static final String GUIDES = "onboarding/guides.en.json";

    private final Manifestos manifestos;
    private final Guides guides;
    private final JsonMapper json;

    OnboardingContent(Manifestos manifestos, Guides guides, JsonMapper json) {
        this.manifestos = manifestos;
        this.guides = guides;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (manifestos.seedFirst(new ManifestoText(MANIFESTO_V1_SUMMARY, read(MANIFESTO_V1)))) {
            log.info("Manifesto version 1 seeded");
        }
        for (ShippedGuide guide : shippedGuides()) {
            if (guides.seed(guide.role(), new Guide.Content(guide.title(), guide.sections()))) {
                log.info("Guide {} seeded", guide.role());
            }
        }
    }

    List<ShippedGuide> shippedGuides() {
        return json.readValue(read(GUIDES), new TypeReference<List<ShippedGuide>>() {
        });
    }

    static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + resource, ex);
        }
    }

    record ShippedGuide(GuideRole role, String title, List<Guide.Section> sections) {
    }
}
