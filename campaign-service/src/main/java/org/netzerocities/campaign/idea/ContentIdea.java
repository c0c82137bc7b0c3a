package org.netzerocities.campaign.idea;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something a channel could post about, offered from another feature's event: an event to promote, a call to join,
 * a member's content to repost, a citizen's completed programme as an impact story. {@code id} is the source's kind
 * and id, so one source gives one idea however often its event is delivered.
 *
 * @param city          the city whose channels the idea is for; null for the main channel
 * @param memberId      the member the idea is about (content to repost, an impact story), else null
 * @param memberName    their display name as campaigns knew it, to credit them
 * @param happensAt     when the event starts or the call closes: the idea is stale after it
 * @param code          a call to join's registration code, for the join link
 * @param status        {@code OPEN} until the channel's team used or dismissed it
 */
@Document(ContentIdea.COLLECTION)
@CompoundIndex(name = "city_status_created", def = "{'city': 1, 'status': 1, 'createdAt': -1}")
record ContentIdea(@Id String id, Kind kind, String city, String title, String url, List<String> topics,
        @Indexed(sparse = true) String memberId, String memberName, Instant happensAt, String code, Status status,
        Instant createdAt, Instant closedAt) {

    static final String COLLECTION = "content_ideas";
    static final String CITY = "city";
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String MEMBER_ID = "memberId";
    static final String CREATED_AT = "createdAt";

    enum Kind {
        EVENT, CALL_TO_JOIN, MEMBER_CONTENT, IMPACT_STORY
    }

    enum Status {
        OPEN, USED, DISMISSED
    }

    /** What the team did with an idea. */
    enum Outcome {
        USED, DISMISSED;

        Status status() {
            return Status.valueOf(name());
        }
    }

    ContentIdea {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** A new open idea; {@code sourceId} is the id of the event, call, pin or certificate it comes from. */
    static ContentIdea open(Kind kind, String sourceId, String city, String title, String url, List<String> topics,
            String memberId, String memberName, Instant happensAt, String code, Instant now) {
        return new ContentIdea(kind.name().toLowerCase(Locale.ROOT) + ":" + sourceId, kind, city, title,
                url, topics, memberId, memberName, happensAt, code, Status.OPEN, now, null);
    }
}
