package org.netzerocities.community.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpStatus;

class ConsentTest {

    @Test
    void aRegistrationWithTheVersionInForceAndTheAgeConfirmedLacksNothing() {
        assertThat(Consent.atRegistration(3, true, 3, 16)).isEmpty();
    }

    @Test
    void aRegistrationWithoutConsentNamesBothFieldsAndTheConfiguredAge() {
        var errors = Consent.atRegistration(null, null, 3, 18);

        assertThat(errors).extracting(ApiProblem.FieldError::field)
                .containsExactly("termsVersion", "minimumAgeConfirmed");
        assertThat(errors.get(0).message()).contains("3");
        assertThat(errors.get(1).message()).contains("at least 18 years old");
    }

    @Test
    void anOlderOrUnknownVersionOrAnUnconfirmedAgeIsNotConsent() {
        assertThat(Consent.atRegistration(2, true, 3, 16)).extracting(ApiProblem.FieldError::field)
                .containsExactly("termsVersion");
        assertThat(Consent.atRegistration(4, true, 3, 16)).extracting(ApiProblem.FieldError::field)
                .containsExactly("termsVersion");
        assertThat(Consent.atRegistration(3, false, 3, 16)).extracting(ApiProblem.FieldError::field)
                .containsExactly("minimumAgeConfirmed");
    }

    @Test
    void aMemberWhoAcceptedAnOlderVersionOrNoneIsAskedToAcceptTheOneInForce() {
        assertThat(Consent.acceptanceRequired(null, 1)).isTrue();
        assertThat(Consent.acceptanceRequired(1, 2)).isTrue();
        assertThat(Consent.acceptanceRequired(2, 2)).isFalse();
        assertThat(Consent.acceptanceRequired(null, 0)).as("no terms published yet").isFalse();
    }

    @Test
    void onlyTheVersionInForceMayBeAccepted() {
        Consent.acceptable(2, 2);

        assertThatThrownBy(() -> Consent.acceptable(1, 2)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
        assertThatThrownBy(() -> Consent.acceptable(3, 2)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> Consent.acceptable(0, 2)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
}
