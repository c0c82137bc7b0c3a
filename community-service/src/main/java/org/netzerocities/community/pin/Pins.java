package org.netzerocities.community.pin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.MemberService;
import org.netzerocities.community.quota.QuotaProperties;
import org.netzerocities.community.quota.Quotas;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The shared board: members pin their own content and resources; the city's transition team features some. */
@Service
class Pins {

    private static final Logger log = LoggerFactory.getLogger(Pins.class);

    /** Featured first, then newest; the id keeps pages stable among pins of the same millisecond. */
    static final Sort BOARD_ORDER = Sort.by(Sort.Direction.DESC, Pin.FEATURED, Pin.PINNED_AT, "_id");

    private final MongoTemplate mongo;
    private final MemberService members;
    private final CityCatalog cities;
    private final EventFactory events;
    private final Clock clock;
    private final Quotas quotas;
    private final QuotaProperties.Limit quota;

    Pins(MongoTemplate mongo, MemberService members, CityCatalog cities, EventFactory events, Clock clock,
            Quotas quotas, QuotaProperties quotaProperties) {
        this.mongo = mongo;
        this.members = members;
        this.cities = cities;
        this.events = events;
        this.clock = clock;
        this.quotas = quotas;
        this.quota = quotaProperties.pins();
    }

    /**
     * Pins the member's content to a city's board (their own city's unless they name another) and announces it.
     *
     * @throws ApiProblem 400 for an invalid url, tag or city, or no city at all; 429 when the member has pinned
     *                    as much as a window allows (nzc.community.quotas.pins)
     */
    Pin pin(String memberId, NewPin body) {
        Member member = members.get(memberId);
        String city = body.city() != null ? body.city() : member.city();
        if (city == null) {
            throw ApiProblem.invalid("city", "is required: your profile names no city");
        }
        if (!cities.exists(city)) {
            throw ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)");
        }
        var content = new Pin.Content(body.kind(), body.title().strip(),
                body.description() == null || body.description().isBlank() ? null : body.description().strip(),
                PinUrl.normalise(body.url()), Tags.normalise(body.tags()));
        quotas.require("pins:" + memberId, quota, now(), "too-many-pins",
                "You may add " + quota.describe("pins") + "; try again later");
        Pin pin = mongo.insert(Pin.pin(UUID.randomUUID().toString(), memberId, city, content, now(), events));
        log.info("Member {} pinned {} to the board of {}", memberId, pin.id(), city);
        return pin;
    }

    Pin get(String id) {
        Pin pin = mongo.findById(id, Pin.class);
        if (pin == null) {
            throw ApiProblem.notFound("Pin " + id);
        }
        return pin;
    }

    /** A page of the board, of one city or every city, of one tag or all. */
    PageResponse<PinView> board(String city, String tag, Pageable page) {
        Query query = new Query();
        if (city != null) {
            query.addCriteria(Criteria.where(Pin.CITY).is(city));
        }
        if (tag != null) {
            query.addCriteria(Criteria.where(Pin.TAGS).is(tag));
        }
        long total = mongo.count(query, Pin.class);
        List<Pin> items = mongo.find(query.with(page), Pin.class);
        return new PageResponse<>(items.stream().map(PinView::of).toList(), page.getPageNumber(),
                page.getPageSize(), total);
    }

    /**
     * Removes a pin: its author, or an admin (moderation).
     *
     * @throws ApiProblem 404 unknown pin, 403 someone else's pin
     */
    void delete(String id, Caller caller) {
        Pin pin = get(id);
        if (!pin.memberId().equals(caller.memberId()) && !caller.isAdmin()) {
            throw ApiProblem.forbidden("Only the member who pinned it may remove this pin");
        }
        mongo.remove(Query.query(Criteria.where("_id").is(id)), Pin.class);
        log.info("Pin {} of member {} removed by {}", id, pin.memberId(), caller.memberId());
    }

    /**
     * Features a pin of a frontrunner or transition-team member of the pin's city, or ends its featuring. The
     * author's roles are read now, not when they pinned: a member who became a frontrunner since may be featured.
     * Featuring again changes nothing.
     *
     * @throws ApiProblem 404 unknown pin, 403 not the transition team of the pin's city nor an admin, 409 the
     *                    author is not a frontrunner or transition-team member of the pin's city
     */
    Pin feature(String id, boolean featured, Caller caller) {
        Pin pin = get(id);
        if (!caller.isAdmin() && !caller.holds(CityRole.TRANSITION_TEAM, pin.city())) {
            throw ApiProblem.forbidden("Only the transition team of " + pin.city() + " or an admin may feature "
                    + "its pins");
        }
        if (featured && !Pin.featurable(members.get(pin.memberId()).roles(), pin.city())) {
            throw ApiProblem.conflict("not-featurable", "Only pins of " + pin.city()
                    + "'s frontrunners and transition team can be featured");
        }
        Update update = featured
                ? new Update().set(Pin.FEATURED, true).set(Pin.FEATURED_BY, caller.memberId())
                        .set(Pin.FEATURED_AT, now())
                : new Update().set(Pin.FEATURED, false).unset(Pin.FEATURED_BY).unset(Pin.FEATURED_AT);
        // a single conditional write: a pin featured already keeps who featured it and when
        Query query = Query.query(Criteria.where("_id").is(id).and(Pin.FEATURED).ne(featured));
        Pin changed = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Pin.class);
        if (changed == null) {
            return get(id);
        }
        log.info("Pin {} of member {} {} by {}", id, changed.memberId(), featured ? "featured" : "unfeatured",
                caller.memberId());
        return changed;
    }

    /** The member's pins, oldest first, for their data export. */
    List<PinView> export(String memberId) {
        Query query = Query.query(Criteria.where(Pin.MEMBER_ID).is(memberId)).with(Sort.by(Pin.PINNED_AT));
        return mongo.find(query, Pin.class).stream().map(PinView::of).toList();
    }

    /**
     * Drops an erased member's pins, unsent events included, and who they featured: nothing of theirs may
     * leave any more. Doing it again changes nothing.
     */
    void forget(String memberId) {
        long removed = mongo.remove(Query.query(Criteria.where(Pin.MEMBER_ID).is(memberId)), Pin.class)
                .getDeletedCount();
        long anonymised = mongo.updateMulti(Query.query(Criteria.where(Pin.FEATURED_BY).is(memberId)),
                new Update().unset(Pin.FEATURED_BY), Pin.class).getModifiedCount();
        if (removed + anonymised > 0) {
            log.info("Removed {} pins of erased member {}; {} pins they featured no longer name them", removed,
                    memberId, anonymised);
        }
    }

    /** Millisecond precision: what MongoDB stores, so a pin matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
