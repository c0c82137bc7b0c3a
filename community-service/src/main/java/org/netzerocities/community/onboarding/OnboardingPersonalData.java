package org.netzerocities.community.onboarding;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** What the onboarding kit holds on a member, for the member's data export. */
@Component
public class OnboardingPersonalData {

    private final OnboardingService onboarding;
    private final Amendments amendments;
    private final Manifestos manifestos;

    OnboardingPersonalData(OnboardingService onboarding, Amendments amendments, Manifestos manifestos) {
        this.onboarding = onboarding;
        this.amendments = amendments;
        this.manifestos = manifestos;
    }

    /** @param amendments the member's proposals for the manifesto, newest first */
    public record Export(Checklist checklist, List<Acceptance> acceptances, List<ProposedAmendment> amendments) {
    }

    public record ProposedAmendment(String id, int draftVersion, String section, String text, Instant proposedAt) {
    }

    public Export of(String memberId) {
        Onboarding member = onboarding.of(memberId);
        return new Export(Checklist.of(member, manifestos.currentNumber()), member.acceptances(),
                amendments.of(memberId).stream().map(a -> new ProposedAmendment(a.id(), a.draftVersion(),
                        a.section(), a.text(), a.proposedAt())).toList());
    }
}
