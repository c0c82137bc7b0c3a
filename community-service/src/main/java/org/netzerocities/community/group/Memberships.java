package org.netzerocities.community.group;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Component;

/**
 * Who is in which group. Each change reads the member's membership, applies a rule of {@link Membership} and
 * saves it under its version, its event with it: a save that loses a race (the same member's other request,
 * another instance handling the same event, the relay removing sent events) reads again and retries, and two
 * first contacts at once are one insert and one retry.
 */
@Component
class Memberships {

    private static final Logger log = LoggerFactory.getLogger(Memberships.class);

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final Clock clock;

    Memberships(MongoTemplate mongo, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    /** A membership and whether the call changed it. */
    record Change(Membership membership, boolean changed) {
    }

    Optional<Membership> find(String groupId, String memberId) {
        return Optional.ofNullable(mongo.findById(Membership.id(groupId, memberId), Membership.class));
    }

    boolean isMember(String groupId, String memberId) {
        return find(groupId, memberId).filter(Membership::isMember).isPresent();
    }

    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public Change join(Group group, String memberId) {
        return apply(group, memberId, "joined", m -> m.join(group, now(), events));
    }

    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public Change ask(Group group, String memberId) {
        return apply(group, memberId, "asked to join", m -> m.ask(group, now(), events));
    }

    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public Change answer(Group group, String memberId, Membership.Answer answer) {
        return apply(group, memberId, "answered " + answer, m -> m.answer(answer, group, now(), events));
    }

    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public Change leave(Group group, String memberId) {
        return apply(group, memberId, "left", m -> m.leave(group, now(), events));
    }

    private Change apply(Group group, String memberId, String what, Predicate<Membership> change) {
        Membership membership = find(group.id(), memberId).orElseGet(() -> Membership.none(group.id(), memberId));
        if (!change.test(membership)) {
            return new Change(membership, false);
        }
        membership = mongo.save(membership);
        log.info("Member {} {} group {} (now {})", memberId, what, group.id(), membership.status());
        return new Change(membership, true);
    }

    /** The members of a group, or its pending requests, oldest first. */
    PageResponse<Membership> of(String groupId, Membership.Status status, Pageable page) {
        Query query = Query.query(Criteria.where(Membership.GROUP_ID).is(groupId).and(Membership.STATUS).is(status));
        long total = mongo.count(query, Membership.class);
        List<Membership> items = mongo.find(query.with(page).with(Sort.by(Membership.SINCE).and(Sort.by("_id"))),
                Membership.class);
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total);
    }

    long count(String groupId) {
        return mongo.count(Query.query(Criteria.where(Membership.GROUP_ID).is(groupId).and(Membership.STATUS)
                .is(Membership.Status.MEMBER)), Membership.class);
    }

    /** Whether anyone but {@code memberId} is in the group. */
    boolean othersRemain(String groupId, String memberId) {
        return mongo.exists(Query.query(Criteria.where(Membership.GROUP_ID).is(groupId).and(Membership.STATUS)
                .is(Membership.Status.MEMBER).and(Membership.MEMBER_ID).ne(memberId)), Membership.class);
    }

    /** The given members who are in the group: one lookup by ids. */
    Set<String> membersAmong(String groupId, Collection<String> memberIds) {
        List<String> ids = memberIds.stream().filter(id -> id != null).map(id -> Membership.id(groupId, id))
                .distinct().toList();
        if (ids.isEmpty()) {
            return Set.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids).and(Membership.STATUS)
                .is(Membership.Status.MEMBER)), Membership.class).stream()
                .filter(m -> m.groupId().equals(groupId))
                .map(Membership::memberId).collect(Collectors.toSet());
    }

    /** The member's standing in each of the given groups they have one in. */
    Map<String, Membership.Status> statusesOf(String memberId, Collection<String> groupIds) {
        List<String> ids = groupIds.stream().map(groupId -> Membership.id(groupId, memberId)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Membership.class).stream()
                .filter(m -> m.memberId().equals(memberId))
                .collect(Collectors.toMap(Membership::groupId, Membership::status));
    }

    /** The groups the member is in. */
    List<String> groupsOf(String memberId) {
        Query query = Query.query(Criteria.where(Membership.MEMBER_ID).is(memberId).and(Membership.STATUS)
                .is(Membership.Status.MEMBER));
        query.fields().include(Membership.GROUP_ID);
        return mongo.find(query, Membership.class).stream().map(Membership::groupId).toList();
    }

    /** Every membership and request of the member, whatever its status, oldest first. */
    List<Membership> allOf(String memberId) {
        return mongo.find(Query.query(Criteria.where(Membership.MEMBER_ID).is(memberId))
                .with(Sort.by(Membership.SINCE)), Membership.class);
    }

    /** Drops the member's memberships and requests, unsent events included: nothing of theirs may leave any more. */
    void forget(String memberId) {
        long removed = mongo.remove(Query.query(Criteria.where(Membership.MEMBER_ID).is(memberId)), Membership.class)
                .getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} group memberships of erased member {}", removed, memberId);
        }
    }

    /** Millisecond precision: what MongoDB stores, so answers match later reads. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
