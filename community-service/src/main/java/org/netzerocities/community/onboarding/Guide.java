package org.netzerocities.community.onboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The navigation guide of one role, English first, with its translations. */
@Document(Guide.COLLECTION)
class Guide {

    static final String COLLECTION = "onboarding_guides";

    @Id
    private GuideRole role;
    /** By ISO 639-1 language; always holds {@link Languages#ENGLISH}. */
    private Map<String, Content> translations = new LinkedHashMap<>();
    @Version
    private Long version;

    Guide() {
    }

    static Guide of(GuideRole role, Content english) {
        Guide guide = new Guide();
        guide.role = role;
        guide.translations.put(Languages.ENGLISH, english);
        return guide;
    }

    void translate(String language, Content content) {
        translations.put(language, content);
    }

    GuideRole role() {
        return role;
    }

    Map<String, Content> translations() {
        return Map.copyOf(translations);
    }

    /** A guide in one language: sections with a title, a body and links to portal paths. */
    record Content(String title, List<Section> sections) {
    }

    record Section(String title, String body, List<Link> links) {
    }

    record Link(String label, String path) {
    }
}
