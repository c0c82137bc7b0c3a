package org.netzerocities.community.pin;

import java.time.Instant;
import java.util.List;

/** A pin as the board and the member's data export show it. */
public record PinView(String id, String memberId, String city, String kind, String title, String description,
        String url, List<String> tags, boolean featured, Instant featuredAt, Instant pinnedAt) {

    static PinView of(Pin pin) {
        return new PinView(pin.id(), pin.memberId(), pin.city(), pin.kind().name(), pin.title(), pin.description(),
                pin.url(), pin.tags(), pin.featured(), pin.featuredAt(), pin.pinnedAt());
    }
}
