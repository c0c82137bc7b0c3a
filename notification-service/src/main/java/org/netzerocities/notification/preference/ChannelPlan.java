package org.netzerocities.notification.preference;

/**
 * Where one notification goes for its member.
 *
 * @param inApp listed in the inbox
 * @param live  pushed to the member's open streams (only if also in the inbox)
 * @param email sent now, grouped in the next daily digest, or not emailed
 */
public record ChannelPlan(boolean inApp, boolean live, EmailMode email) {

    public enum EmailMode {
        NONE, IMMEDIATE, DIGEST
    }

    public static final ChannelPlan NOWHERE = new ChannelPlan(false, false, EmailMode.NONE);

    public boolean delivered() {
        return inApp || email != EmailMode.NONE;
    }
}
