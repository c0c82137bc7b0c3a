package org.netzerocities.campaign.idea;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.netzerocities.campaign.audience.Citizen;
import org.netzerocities.campaign.channel.Channels;
import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Content ideas for the channels' teams: offered from other features' events, read and closed by the leadership
 * team or steering committee of a channel of the idea's city, or of the main channel, or by an admin.
 */
@Service
class ContentIdeas {

    private static final Logger log = LoggerFactory.getLogger(ContentIdeas.class);

    private final MongoTemplate mongo;
    private final Channels channels;
    private final RefusedMembers refused;
    private final Clock clock;

    ContentIdeas(MongoTemplate mongo, Channels channels, RefusedMembers refused, Clock clock) {
        this.mongo = mongo;
        this.channels = channels;
        this.refused = refused;
        this.clock = clock;
    }

    /**
     * Keeps the idea unless one from the same source is held already (a redelivery or replay of its event, even
     * one whose idea was closed since). An idea about an erased member (a replay from before the erasure) is
     * removed again at once: checking after the write also closes the race with an erasure handled meanwhile.
     */
    void offer(ContentIdea idea) {
        try {
            mongo.insert(idea);
        }
        catch (DuplicateKeyException ex) {
            log.debug("Idea {} is held already", idea.id());
            return;
        }
        if (idea.memberId() != null && refused.wasErased(idea.memberId())) {
            mongo.remove(Query.query(Criteria.where("_id").is(idea.id())), ContentIdea.class);
            log.info("Idea {} is about an erased member; not offered", idea.id());
            return;
        }
        log.info("Idea {} offered to the channels of {}", idea.id(), idea.city() == null ? "the main channel"
                : idea.city());
    }

    /** An idea naming a member, with the member's name and city as campaigns know them (null when unknown). */
    Citizen citizen(String memberId) {
        return mongo.findById(memberId, Citizen.class);
    }

    /**
     * The ideas of a city (null: the main channel's), newest first.
     *
     * @throws ApiProblem 403 when the caller is in no team of a channel of that city nor of the main channel, and
     *                    no admin
     */
    PageResponse<ContentIdea> list(String city, ContentIdea.Kind kind, ContentIdea.Status status, Caller caller,
            Pageable page) {
        checkTeam(caller, city);
        Query query = Query.query(Criteria.where(ContentIdea.CITY).is(city).and(ContentIdea.STATUS).is(status));
        if (kind != null) {
            query.addCriteria(Criteria.where(ContentIdea.KIND).is(kind));
        }
        long total = mongo.count(query, ContentIdea.class);
        List<ContentIdea> items = mongo.find(query.with(page), ContentIdea.class);
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total);
    }

    /**
     * Closes an open idea as used or dismissed, once: the update applies only to an idea still open, so two team
     * members closing it at the same moment cannot both succeed.
     *
     * @throws ApiProblem 404 unknown idea, 403 not in a team of its city's or the main channel, 409 closed already
     */
    ContentIdea close(String id, ContentIdea.Outcome outcome, Caller caller) {
        ContentIdea idea = mongo.findById(id, ContentIdea.class);
        if (idea == null) {
            throw ApiProblem.notFound("Idea " + id);
        }
        checkTeam(caller, idea.city());
        Query open = Query.query(Criteria.where("_id").is(id).and(ContentIdea.STATUS).is(ContentIdea.Status.OPEN));
        ContentIdea closed = mongo.findAndModify(open, new Update().set(ContentIdea.STATUS, outcome.status())
                .set("closedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS)),
                FindAndModifyOptions.options().returnNew(true),
                ContentIdea.class);
        if (closed == null) {
            throw ApiProblem.conflict("idea-closed", "This idea was " + idea.status() + " already");
        }
        log.info("Idea {} {} by member {}", id, outcome, caller.memberId());
        return closed;
    }

    /** The ideas about the member (content of theirs, their impact story), oldest first, for their data export. */
    List<ContentIdea> about(String memberId) {
        return mongo.find(Query.query(Criteria.where(ContentIdea.MEMBER_ID).is(memberId))
                .with(Sort.by(ContentIdea.CREATED_AT).and(Sort.by("_id"))), ContentIdea.class);
    }

    /** Drops the ideas about an erased member; ideas only naming nobody stay. */
    void forget(String memberId) {
        long removed = mongo.remove(Query.query(Criteria.where(ContentIdea.MEMBER_ID).is(memberId)),
                ContentIdea.class).getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} content ideas about erased member {}", removed, memberId);
        }
    }

    private void checkTeam(Caller caller, String city) {
        if (caller.isAdmin() || channels.all().stream().anyMatch(channel -> servesCity(channel, city)
                && (channel.isLeadership(caller.memberId()) || channel.isSteering(caller.memberId())))) {
            return;
        }
        throw ApiProblem.forbidden("Only the teams of " + (city == null ? "the main channel" : "a channel of " + city
                + " or of the main channel") + ", or an admin, read and close its ideas");
    }

    /** The main channel's teams serve every city; a city channel's serve their city. */
    private static boolean servesCity(ChannelView channel, String city) {
        return channel.city() == null || channel.city().equals(city);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
