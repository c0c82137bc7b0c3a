package org.netzerocities.learning.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpStatus;

/** How an editor names the version they edited, and what they are told when it is not current. */
class ExpectedTest {

    @Test
    void ifMatchTakesTheEntityTagsSentAsETagWeakOrStrongAndWinsOverTheBody() {
        assertThat(Expected.of("\"3\"", 7)).isEqualTo(new Expected(3, true));
        assertThat(Expected.of(" W/\"12\" ", null)).isEqualTo(new Expected(12, true));
        assertThat(Expected.of(null, 7)).isEqualTo(new Expected(7, false));
        assertThat(Expected.of(null, null)).isNull();
        assertThat(Expected.etag(4)).isEqualTo("\"4\"");
    }

    @Test
    void anUnreadableVersionIsABadRequest() {
        for (String ifMatch : new String[] { "*", "3", "\"0\"", "\"3\", \"4\"", "\"99999999999\"", "\"-1\"" }) {
            assertThatThrownBy(() -> Expected.of(ifMatch, null)).as(ifMatch).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
        assertThatThrownBy(() -> Expected.of(null, 0)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aStaleIfMatchFailsThePreconditionAndAStaleBodyVersionConflicts() {
        assertThat(new Expected(1, true).mismatch("Unit u", 2).getStatusCode())
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(new Expected(1, false).mismatch("Unit u", 2).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(new Expected(1, false).mismatch("Unit u", 2).getBody().getProperties())
                .containsEntry("currentVersion", 2);
        assertThat(Expected.required("Unit u").getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
    }
}
