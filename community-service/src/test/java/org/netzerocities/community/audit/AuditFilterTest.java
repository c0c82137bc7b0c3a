package org.netzerocities.community.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.netzerocities.support.ApiProblem;

class AuditFilterTest {

    @Test
    void timesWithAnyOffsetAreReadAsInstantsAndBlankPartsAreLeftOut() {
        AuditFilter filter = AuditFilter.parse(AuditAction.MEMBER_SUSPENDED, " ", null,
                "2026-11-29T12:00:00+02:00", "2026-11-29T11:00:00Z");

        assertThat(filter).isEqualTo(new AuditFilter(AuditAction.MEMBER_SUSPENDED, null, null,
                Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T11:00:00Z")));
    }

    @Test
    void everyPartAtFaultIsNamedAtOnce() {
        assertThatThrownBy(() -> AuditFilter.parse(null, "x".repeat(AuditFilter.MAX_ID + 1), "a\u0000b", "yesterday",
                "2026-11-29T11:00:00"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getBody().getProperties())
                        .extractingByKey("errors").asString()
                        .contains("actor").contains("subject").contains("from").contains("to"));
    }

    @Test
    void fromMayEqualToButNotFollowIt() {
        assertThat(AuditFilter.parse(null, null, null, "2026-11-29T11:00:00Z", "2026-11-29T11:00:00Z").from())
                .isEqualTo(Instant.parse("2026-11-29T11:00:00Z"));
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, "2026-11-29T11:00:01Z", "2026-11-29T11:00:00Z"))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void noFilterAdmitsEveryEntry() {
        assertThat(AuditFilter.parse(null, null, null, null, null).criteria().getCriteriaObject()).isEmpty();
    }
}
