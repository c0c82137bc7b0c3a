package org.netzerocities.notification.inbox;

import java.time.Instant;

import org.netzerocities.events.contract.community.MemberJoined;

/**
 * The first thing a new member reads: the onboarding kit of NetZeroCities D8.3 (the community
 * manifesto and the navigation guide) and the ways to become an active member.
 */
final class Welcome {

    private Welcome() {
    }

    static Notification forMember(MemberJoined joined, String eventId, Instant now) {
        String body = """
                Welcome to the NetZeroCommunities space, %s! Start with your onboarding kit: read and accept \
                the community manifesto, then follow the navigation guide. From there you can find the climate \
                champions of your city, join a group, register for events and enrol in the capability-building \
                programme.""".formatted(joined.displayName());
        return new Notification("welcome-" + joined.memberId(), joined.memberId(), Category.WELCOME,
                "Welcome to NetZeroCommunities", body, "/onboarding", eventId, now, null);
    }
}
