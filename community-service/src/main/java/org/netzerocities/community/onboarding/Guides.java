package org.netzerocities.community.onboarding;

import java.util.List;

import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/** The navigation guides per role, shipped in English and translated by admins. */
@Service
class Guides {

    private static final Logger log = LoggerFactory.getLogger(Guides.class);

    private final MongoTemplate mongo;

    Guides(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The guide of {@code role} in the first of {@code languages} it exists in, else English. */
    GuideView in(GuideRole role, List<String> languages) {
        Guide guide = find(role);
        var translations = guide.translations();
        String language = Languages.pick(languages, translations.keySet());
        Guide.Content content = translations.get(language);
        return new GuideView(role.name(), language, content.title(), content.sections(),
                translations.keySet().stream().sorted().toList());
    }

    /** @throws ApiProblem 404 when the guide was not seeded (yet) */
    private Guide find(GuideRole role) {
        Guide guide = mongo.findById(role, Guide.class);
        if (guide == null) {
            throw ApiProblem.notFound("The guide for " + role);
        }
        return guide;
    }

    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public GuideView translate(GuideRole role, String language, Guide.Content content) {
        Guide guide = find(role);
        guide.translate(language, content);
        mongo.save(guide);
        log.info("Guide {} translated into {}", role, language);
        return in(role, List.of(language));
    }

    /** Creates the guide unless it exists; returns whether this call created it. */
    boolean seed(GuideRole role, Guide.Content english) {
        if (mongo.findById(role, Guide.class) != null) {
            return false;
        }
        try {
            mongo.insert(Guide.of(role, english));
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false; // another instance seeded it at the same moment
        }
    }

    /** @param languages every language the guide exists in */
    record GuideView(String role, String language, String title, List<Guide.Section> sections,
            List<String> languages) {
    }
}
