package org.netzerocities.community.event;

/** Where an event takes place: an address for in-person events, a link for online ones, both when hybrid. */
enum EventFormat {
    ONLINE(false, true), IN_PERSON(true, false), HYBRID(true, true);

    private final boolean needsAddress;
    private final boolean needsLink;

    EventFormat(boolean needsAddress, boolean needsLink) {
        this.needsAddress = needsAddress;
        this.needsLink = needsLink;
    }

    boolean needsAddress() {
        return needsAddress;
    }

    boolean needsLink() {
        return needsLink;
    }
}
