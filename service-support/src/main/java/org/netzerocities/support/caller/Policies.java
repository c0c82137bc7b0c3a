package org.netzerocities.support.caller;

import java.util.function.Predicate;

import org.springframework.security.core.Authentication;

/**
 * The platform's named access rules over the caller's token, for method security:
 * {@code @PreAuthorize("@policies.isTransitionTeamOf(authentication, #city)")}. Rights tied to a
 * resource (a cohort's facilitators, a channel's steering committee) live with that resource instead.
 * Without a caller every rule answers no.
 */
public class Policies {

    public boolean isAdmin(Authentication authentication) {
        return check(authentication, Caller::isAdmin);
    }

    /** A member of the transition team of {@code city}. */
    public boolean isTransitionTeamOf(Authentication authentication, String city) {
        return check(authentication, caller -> caller.holds(CityRole.TRANSITION_TEAM, city));
    }

    /** A member of some city's transition team. */
    public boolean isTransitionTeam(Authentication authentication) {
        return check(authentication, caller -> caller.holdsAnywhere(CityRole.TRANSITION_TEAM));
    }

    private static boolean check(Authentication authentication, Predicate<Caller> rule) {
        return CallerAuthentication.callerOf(authentication).filter(rule).isPresent();
    }
}
