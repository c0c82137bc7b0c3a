package org.netzerocities.community.terms;

import java.util.ArrayList;
import java.util.List;

import org.netzerocities.support.ApiProblem;

/** The rules of consent, apart from where the current version and the minimum age come from. */
final class Consent {

    static final String TERMS_VERSION = "termsVersion";
    static final String MINIMUM_AGE_CONFIRMED = "minimumAgeConfirmed";

    private Consent() {
    }

    /**
     * What a registration lacks: the acceptance of the terms in force (an older version is not enough: the
     * citizen read a text that no longer applies) and the confirmation of the minimum age.
     *
     * @return the fields at fault, none when the citizen may join
     */
    static List<ApiProblem.FieldError> atRegistration(Integer termsVersion, Boolean minimumAgeConfirmed, int current,
            int minimumAge) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (termsVersion == null || termsVersion != current) {
            errors.add(new ApiProblem.FieldError(TERMS_VERSION, "must be the current version of the terms and "
                    + "privacy notice, " + current + " (see GET /api/community/terms)"));
        }
        if (!Boolean.TRUE.equals(minimumAgeConfirmed)) {
            errors.add(new ApiProblem.FieldError(MINIMUM_AGE_CONFIRMED,
                    "must be true: members must be at least " + minimumAge + " years old"));
        }
        return errors;
    }

    /** Whether a member who last accepted {@code accepted} (null: never) must accept the version in force. */
    static boolean acceptanceRequired(Integer accepted, int current) {
        return current > 0 && (accepted == null || accepted < current);
    }

    /**
     * Checks that {@code version} is the one in force, the only one a member may accept now.
     *
     * @throws ApiProblem 409 {@code terms-version-outdated} for a version replaced since, 400 for one never published
     */
    static void acceptable(int version, int current) {
        if (version > current || version < 1) {
            throw ApiProblem.invalid("version", "no such version of the terms; the current one is " + current);
        }
        if (version < current) {
            throw ApiProblem.conflict("terms-version-outdated", "Version " + version + " of the terms was replaced by "
                    + "version " + current + ": read it (GET /api/community/terms), then accept that one");
        }
    }
}
