package org.netzerocities.community.group;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.community.member.MemberService;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * Members create city and topic groups, join public ones, ask to join private ones, and leave; moderators
 * answer requests and appoint fellow moderators. Changes of the group itself (its moderators) are saved under
 * its version and retried when they lose a race; memberships go through {@link Memberships}.
 */
@Service
class Groups {

    private static final Logger log = LoggerFactory.getLogger(Groups.class);
    /** Longer ids were never issued: they are unknown without asking the database. */
    private static final int MAX_ID_LENGTH = 200;

    private final MongoTemplate mongo;
    private final Memberships memberships;
    private final MemberService members;
    private final CityCatalog cities;
    private final EventFactory events;
    private final Clock clock;

    Groups(MongoTemplate mongo, Memberships memberships, MemberService members, CityCatalog cities,
            EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.members = members;
        this.cities = cities;
        this.events = events;
        this.clock = clock;
    }

    /** How joining ended: the membership, and whether it is new. */
    record Joined(Membership membership, boolean changed) {
    }

    Optional<Group> find(String id) {
        if (id == null || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(id, Group.class));
    }

    /** @throws ApiProblem 404 for an unknown group */
    Group get(String id) {
        return find(id).orElseThrow(() -> ApiProblem.notFound("Group " + id));
    }

    /**
     * Creates a city or topic group; the creator is its first member and moderator.
     *
     * @throws ApiProblem 400 naming the fields at fault
     */
    GroupView create(NewGroup spec, Caller caller) {
        NewGroup group = spec.normalised(cities::exists);
        Group created = mongo.insert(Group.create(UUID.randomUUID().toString(), group, caller.memberId(), now(),
                events));
        memberships.join(created, caller.memberId());
        log.info("Member {} created {} group {} ({})", caller.memberId(), created.kind(), created.id(),
                created.visibility());
        return view(created, caller);
    }

    /**
     * City and topic groups, by name; private ones are listed too, so members can ask to join. With
     * {@code mine}, only the caller's groups, cohort groups included.
     */
    PageResponse<GroupView> list(String city, String topic, boolean mine, Caller caller, Pageable page) {
        Query query = new Query();
        if (mine) {
            query.addCriteria(Criteria.where("_id").in(memberships.groupsOf(caller.memberId())));
        }
        else {
            query.addCriteria(Criteria.where(Group.KIND).ne(GroupKind.COHORT));
        }
        if (city != null) {
            query.addCriteria(Criteria.where(Group.CITY).is(city));
        }
        if (topic != null) {
            query.addCriteria(Criteria.where(Group.TOPIC).is(topic));
        }
        long total = mongo.count(query, Group.class);
        List<Group> items = mongo.find(query.with(page), Group.class);
        Map<String, Membership.Status> standing = memberships.statusesOf(caller.memberId(),
                items.stream().map(Group::id).toList());
        return new PageResponse<>(items.stream()
                .map(group -> GroupView.of(group, memberships.count(group.id()), standing.get(group.id()),
                        moderates(group, caller)))
                .toList(), page.getPageNumber(), page.getPageSize(), total);
    }

    GroupView details(String id, Caller caller) {
        return view(get(id), caller);
    }

    /**
     * Joins a public group at once, or asks to join a private one; doing it again changes nothing.
     *
     * @throws ApiProblem 404 unknown group, 409 a cohort group (joined through enrolment only)
     */
    Joined join(String id, Caller caller) {
        Group group = get(id);
        if (!group.joinableOnRequest()) {
            return memberships.find(id, caller.memberId()).filter(Membership::isMember)
                    .map(member -> new Joined(member, false))
                    .orElseThrow(() -> ApiProblem.conflict("cohort-group",
                            "A cohort's group takes the cohort's learners and facilitators: enrol in the cohort"));
        }
        if (group.isPublic()) {
            Memberships.Change change = memberships.join(group, caller.memberId());
            return new Joined(change.membership(), change.changed());
        }
        if (memberships.isMember(id, caller.memberId())) {
            return new Joined(memberships.find(id, caller.memberId()).orElseThrow(), false);
        }
        Memberships.Change change = memberships.ask(group, caller.memberId());
        return new Joined(change.membership(), change.changed());
    }

    /**
     * Leaves the group (a moderator steps down with it), or takes back a pending request; nothing to leave is
     * fine too.
     *
     * @throws ApiProblem 404 unknown group, 409 when the last moderator would leave other members behind
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 5, delay = 20)
    public Membership leave(String id, Caller caller) {
        Group group = get(id);
        if (group.stepDown(caller.memberId(), memberships.othersRemain(id, caller.memberId()))) {
            group = mongo.save(group);
            log.info("Moderator {} stepped down in group {}", caller.memberId(), id);
        }
        return memberships.leave(group, caller.memberId()).membership();
    }

    /**
     * Appoints a member of the group as a moderator.
     *
     * @throws ApiProblem 404 unknown group, 403 not a moderator of it, 409 the member is not in the group or the
     *                    group is a cohort's (whose moderators are its facilitators)
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 5, delay = 20)
    public GroupView addModerator(String id, String memberId, Caller caller) {
        Group group = moderated(id, caller);
        if (!group.joinableOnRequest()) {
            throw ApiProblem.conflict("cohort-group", "A cohort group's moderators are the cohort's facilitators");
        }
        if (!memberships.isMember(id, memberId)) {
            throw ApiProblem.conflict("not-a-member", "Only a member of the group can moderate it");
        }
        if (group.addModerator(memberId)) {
            group = mongo.save(group);
            log.info("Member {} made {} a moderator of group {}", caller.memberId(), memberId, id);
        }
        return view(group, caller);
    }

    /** @throws ApiProblem 404 unknown group, 403 not a moderator of it */
    PageResponse<GroupMemberView> joinRequests(String id, Caller caller, Pageable page) {
        Group group = moderated(id, caller);
        return entries(group, memberships.of(id, Membership.Status.PENDING, page));
    }

    /**
     * Approves or declines a request to join.
     *
     * @throws ApiProblem 404 unknown group or no such request, 403 not a moderator, 409 answered the other way
     */
    Membership answer(String id, String memberId, Membership.Answer answer, Caller caller) {
        Group group = moderated(id, caller);
        return memberships.answer(group, memberId, answer).membership();
    }

    /** The group's members, oldest first; the caller must be able to read the group (see {@link GroupAccess}). */
    PageResponse<GroupMemberView> members(Group group, Pageable page) {
        return entries(group, memberships.of(group.id(), Membership.Status.MEMBER, page));
    }

    /** The member's groups and requests, whatever became of them, for their personal-data export. */
    List<ExportedMembership> export(String memberId) {
        return memberships.allOf(memberId).stream().map(membership -> {
            Optional<Group> group = find(membership.groupId());
            return new ExportedMembership(membership.groupId(), group.map(Group::name).orElse(null),
                    membership.status().name(), membership.since(),
                    group.filter(g -> g.moderates(memberId)).isPresent());
        }).toList();
    }

    record ExportedMembership(String groupId, String groupName, String status, Instant since, boolean moderator) {
    }

    /**
     * Forgets an erased member: their memberships and requests go, unsent events naming them included, and they
     * moderate nothing any more. Nobody is told they left: every consumer forgets them on MemberErased itself.
     * The version is raised so a save of a group read before cannot bring them back.
     */
    void forget(String memberId) {
        memberships.forget(memberId);
        long groups = mongo.updateMulti(Query.query(Criteria.where(Group.MODERATOR_IDS).is(memberId)),
                new Update().pull(Group.MODERATOR_IDS, memberId).inc(Group.VERSION, 1), Group.class)
                .getModifiedCount();
        if (groups > 0) {
            log.info("Erased member {} no longer moderates {} groups", memberId, groups);
        }
    }

    private Group moderated(String id, Caller caller) {
        Group group = get(id);
        if (!moderates(group, caller)) {
            throw ApiProblem.forbidden("Only the group's moderators may do this");
        }
        return group;
    }

    static boolean moderates(Group group, Caller caller) {
        return caller.isAdmin() || group.moderates(caller.memberId());
    }

    private GroupView view(Group group, Caller caller) {
        Membership.Status status = memberships.find(group.id(), caller.memberId()).map(Membership::status)
                .orElse(null);
        return GroupView.of(group, memberships.count(group.id()), status, moderates(group, caller));
    }

    private PageResponse<GroupMemberView> entries(Group group, PageResponse<Membership> page) {
        return new PageResponse<>(page.items().stream()
                .map(m -> new GroupMemberView(m.memberId(), displayName(m.memberId()), group.moderates(m.memberId()),
                        m.since()))
                .toList(), page.page(), page.size(), page.total());
    }

    private String displayName(String memberId) {
        try {
            return members.get(memberId).displayName();
        }
        catch (ApiProblem gone) {
            return null;
        }
    }

    /** Millisecond precision: what MongoDB stores, so answers match later reads. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
