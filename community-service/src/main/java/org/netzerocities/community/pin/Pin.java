package org.netzerocities.community.pin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.netzerocities.community.member.Role;
import org.netzerocities.community.member.RoleGrant;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.ContentPinned;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's own social-media content or a resource, pinned to a city's shared board. The city's transition
 * team may feature the pins of the city's frontrunners and transition team: featured pins come first.
 */
@Document(Pin.COLLECTION)
@CompoundIndex(name = "city_tag_board", def = "{'city': 1, 'tags': 1, 'featured': -1, 'pinnedAt': -1}")
@CompoundIndex(name = "tag_board", def = "{'tags': 1, 'featured': -1, 'pinnedAt': -1}")
@CompoundIndex(name = "member_pinned", def = "{'memberId': 1, 'pinnedAt': 1}")
@CompoundIndex(name = "featured_by", def = "{'featuredBy': 1}", sparse = true)
class Pin implements OutboxAggregate {

    static final String COLLECTION = "pins";
    static final String MEMBER_ID = "memberId";
    static final String CITY = "city";
    static final String TAGS = "tags";
    static final String FEATURED = "featured";
    static final String FEATURED_BY = "featuredBy";
    static final String FEATURED_AT = "featuredAt";
    static final String PINNED_AT = "pinnedAt";

    enum Kind {
        /** The member's own post on a social network. */
        SOCIAL_POST,
        /** A guide, a tool, a data set, an article worth sharing. */
        RESOURCE
    }

    /** What a member pins, validated and normalised. */
    record Content(Kind kind, String title, String description, String url, List<String> tags) {
    }

    @Id
    private final String id;
    private final String memberId;
    private final String city;
    private final Kind kind;
    private final String title;
    private final String description;
    private final String url;
    private final List<String> tags;
    private final boolean featured;
    private final String featuredBy;
    private final Instant featuredAt;
    private final Instant pinnedAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Pin(String id, String memberId, String city, Kind kind, String title, String description, String url,
            List<String> tags, boolean featured, String featuredBy, Instant featuredAt, Instant pinnedAt,
            Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.memberId = memberId;
        this.city = city;
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.url = url;
        this.tags = tags == null ? List.of() : List.copyOf(tags);
        this.featured = featured;
        this.featuredBy = featuredBy;
        this.featuredAt = featuredAt;
        this.pinnedAt = pinnedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new pin on {@code city}'s board, announced with {@code ContentPinned}. */
    static Pin pin(String id, String memberId, String city, Content content, Instant now, EventFactory events) {
        Pin pin = new Pin(id, memberId, city, content.kind(), content.title(), content.description(), content.url(),
                content.tags(), false, null, null, now, null, List.of());
        pin.outbox.add(events.create(EventCatalog.CONTENT_PINNED, id, new ContentPinned(id, memberId, city,
                pin.url, pin.tags, pin.title, pin.kind.name(), now)));
        return pin;
    }

    /**
     * Whether a member holding {@code authorRoles} is one whose pins on {@code city}'s board may be featured: a
     * frontrunner or a transition-team member of that very city. A plain member's pin, or a frontrunner's pin on
     * another city's board, is not featured.
     */
    static boolean featurable(Set<RoleGrant> authorRoles, String city) {
        return authorRoles.contains(new RoleGrant(Role.FRONTRUNNER, city))
                || authorRoles.contains(new RoleGrant(Role.TRANSITION_TEAM, city));
    }

    String id() {
        return id;
    }

    String memberId() {
        return memberId;
    }

    String city() {
        return city;
    }

    Kind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    String url() {
        return url;
    }

    List<String> tags() {
        return tags;
    }

    boolean featured() {
        return featured;
    }

    Instant featuredAt() {
        return featuredAt;
    }

    Instant pinnedAt() {
        return pinnedAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
