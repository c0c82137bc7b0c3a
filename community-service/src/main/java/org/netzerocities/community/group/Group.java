package org.netzerocities.community.group;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.GroupCreated;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sub-group of the community space: its identity and its moderators. Who is in it lives in
 * {@link Membership} documents, one per member, so that "is X in G" is an {@code _id} lookup and a group with
 * thousands of members is not one growing document. Moderators stay here, few and read with every group.
 */
@Document(Group.COLLECTION)
@CompoundIndex(name = "city_name", def = "{'city': 1, 'name': 1}")
@CompoundIndex(name = "topic_name", def = "{'topic': 1, 'name': 1}")
@CompoundIndex(name = "kind_name", def = "{'kind': 1, 'name': 1}")
class Group implements OutboxAggregate {

    static final String COLLECTION = "groups";
    static final String KIND = "kind";
    static final String NAME = "name";
    static final String CITY = "city";
    static final String TOPIC = "topic";
    static final String MODERATOR_IDS = "moderatorIds";
    static final String VERSION = "version";
    /** Cohort groups have an id derived from the cohort's, so the cohort's events create one group at most. */
    private static final String COHORT_PREFIX = "cohort-";

    @Id
    private String id;
    private GroupKind kind;
    private String name;
    private String description;
    private GroupVisibility visibility;
    private String city;
    private String topic;
    private String cohortId;
    private List<String> moderatorIds = new ArrayList<>();
    private Instant createdAt;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();

    Group() {
    }

    private Group(String id, GroupKind kind, String name, String description, GroupVisibility visibility,
            String city, String topic, String cohortId, List<String> moderatorIds, Instant now, EventFactory events) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.description = description;
        this.visibility = visibility;
        this.city = city;
        this.topic = topic;
        this.cohortId = cohortId;
        this.moderatorIds = new ArrayList<>(new LinkedHashSet<>(moderatorIds));
        this.createdAt = now;
        outbox.add(events.create(EventCatalog.GROUP_CREATED, id, new GroupCreated(id, name, visibility.name(), city,
                topic, cohortId, List.copyOf(this.moderatorIds))));
    }

    /** A city or topic group a member creates; they moderate it (and {@link Membership} makes them a member). */
    static Group create(String id, NewGroup spec, String creatorId, Instant now, EventFactory events) {
        return new Group(id, spec.kind(), spec.name(), spec.description(), spec.visibility(), spec.city(),
                spec.topic(), null, List.of(creatorId), now, events);
    }

    /** The private peer group of a cohort, moderated by its facilitators. */
    static Group forCohort(String cohortId, String name, List<String> facilitatorIds, Instant now,
            EventFactory events) {
        return new Group(cohortGroupId(cohortId), GroupKind.COHORT, name, null, GroupVisibility.PRIVATE, null, null,
                cohortId, facilitatorIds, now, events);
    }

    static String cohortGroupId(String cohortId) {
        return COHORT_PREFIX + cohortId;
    }

    boolean moderates(String memberId) {
        return moderatorIds.contains(memberId);
    }

    /** Only through enrolment into a cohort; every other group takes members who ask. */
    boolean joinableOnRequest() {
        return kind != GroupKind.COHORT;
    }

    /** @return whether the member was not a moderator yet */
    boolean addModerator(String memberId) {
        if (moderates(memberId)) {
            return false;
        }
        moderatorIds.add(memberId);
        return true;
    }

    /**
     * A moderator steps down as they leave. The last moderator may only leave a group nobody else is in: the
     * members left behind would have nobody to answer join requests or hide reported posts (admins aside).
     *
     * @param othersRemain whether members other than this one are in the group
     * @return whether the member was a moderator
     * @throws ApiProblem 409 when the last moderator would leave members behind
     */
    boolean stepDown(String memberId, boolean othersRemain) {
        if (!moderates(memberId)) {
            return false;
        }
        if (moderatorIds.size() == 1 && othersRemain) {
            throw ApiProblem.conflict("last-moderator",
                    "You are the group's only moderator: make another member a moderator before you leave");
        }
        moderatorIds.remove(memberId);
        return true;
    }

    /**
     * Brings a cohort group in line with its cohort: the facilitators moderate it, and the name follows.
     *
     * @return whether anything changed
     */
    boolean followCohort(String cohortName, List<String> facilitatorIds) {
        List<String> moderators = new ArrayList<>(new LinkedHashSet<>(facilitatorIds));
        boolean changed = !Set.copyOf(moderators).equals(Set.copyOf(moderatorIds)) || !name.equals(cohortName);
        moderatorIds = moderators;
        name = cohortName;
        return changed;
    }

    GroupSummary summary() {
        return new GroupSummary(id, name, visibility, Set.copyOf(moderatorIds));
    }

    String id() {
        return id;
    }

    GroupKind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    GroupVisibility visibility() {
        return visibility;
    }

    boolean isPublic() {
        return visibility == GroupVisibility.PUBLIC;
    }

    String city() {
        return city;
    }

    String topic() {
        return topic;
    }

    String cohortId() {
        return cohortId;
    }

    List<String> moderatorIds() {
        return List.copyOf(moderatorIds);
    }

    Instant createdAt() {
        return createdAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
