package org.netzerocities.community.onboarding;

import java.time.Instant;
import java.util.List;

/**
 * A member's checklist: the onboarding steps (profile, manifesto) and then the activation steps.
 *
 * @param onboarded         profile complete and the manifesto accepted once; stays true after a new version
 * @param activated         at least one activation step done
 * @param currentManifesto  the version in force
 * @param acceptedManifesto the latest version the member accepted, or null
 */
public record Checklist(boolean onboarded, Instant onboardedAt, boolean activated, int currentManifesto,
        Integer acceptedManifesto, List<Step> onboarding, List<Step> activation) {

    public enum Status {
        TODO,
        DONE,
        /** Accepted an older manifesto version: asked to accept the current one. */
        ACCEPT_AGAIN
    }

    /** @param path where in the portal the member does it */
    public record Step(String name, Status status, Instant doneAt, String path) {
    }

    static Checklist of(Onboarding member, int currentManifesto) {
        Integer accepted = member.acceptedVersion().orElse(null);
        Instant acceptedAt = member.acceptances().stream().filter(a -> a.version() == currentManifesto)
                .map(Acceptance::acceptedAt).findFirst().orElse(null);
        Status manifesto = accepted == null ? Status.TODO
                : accepted >= currentManifesto ? Status.DONE : Status.ACCEPT_AGAIN;
        List<Step> activation = List.of(
                done("join-a-group", member.joinedGroupAt(), "/groups"),
                done("register-for-an-event", member.registeredForEventAt(), "/events"),
                done("enrol-in-the-programme", member.enrolledAt(), "/learning/cohorts"));
        return new Checklist(member.onboardedAt() != null, member.onboardedAt(),
                activation.stream().anyMatch(step -> step.status() == Status.DONE), currentManifesto, accepted,
                List.of(new Step("complete-your-profile", member.profileComplete() ? Status.DONE : Status.TODO,
                        null, "/members/me"),
                        new Step("accept-the-manifesto", manifesto, acceptedAt, "/onboarding/manifesto")),
                activation);
    }

    private static Step done(String name, Instant at, String path) {
        return new Step(name, at == null ? Status.TODO : Status.DONE, at, path);
    }
}
