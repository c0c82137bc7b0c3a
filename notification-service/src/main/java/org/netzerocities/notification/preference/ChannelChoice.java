package org.netzerocities.notification.preference;

/** A member's switches for one category of notifications. */
public record ChannelChoice(boolean inApp, boolean live, EmailChoice email) {
}
