package org.netzerocities.community.group;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.GroupJoinAnswered;
import org.netzerocities.events.contract.community.GroupJoinRequested;
import org.netzerocities.events.contract.community.GroupMemberJoined;
import org.netzerocities.events.contract.community.GroupMemberLeft;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One member's standing in one group, {@code _id} = {@code groupId:memberId}: whether they are in it is a
 * lookup by id. The document outlives a departure (status LEFT) so that the event announcing a change is
 * written with the change, in the same document, whatever the change. The events of one membership keep
 * their order (one outbox); the key is the group id, as for every event of the group.
 */
@Document(Membership.COLLECTION)
@CompoundIndex(name = "group_status_since", def = "{'groupId': 1, 'status': 1, 'since': 1}")
@CompoundIndex(name = "member_status", def = "{'memberId': 1, 'status': 1}")
class Membership implements OutboxAggregate {

    static final String COLLECTION = "group_members";
    static final String GROUP_ID = "groupId";
    static final String MEMBER_ID = "memberId";
    static final String STATUS = "status";
    static final String SINCE = "since";

    enum Status {
        /** Asked to join a private group; the moderators have not answered yet. */
        PENDING,
        MEMBER,
        DECLINED,
        /** Left, withdrew from the cohort, or took back a pending request. */
        LEFT
    }

    enum Answer {
        APPROVED, DECLINED
    }

    @Id
    private String id;
    private String groupId;
    private String memberId;
    private Status status;
    /** When the current status began: the request for PENDING, the joining for MEMBER. */
    private Instant since;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();

    Membership() {
    }

    private Membership(String groupId, String memberId) {
        this.id = id(groupId, memberId);
        this.groupId = groupId;
        this.memberId = memberId;
    }

    static String id(String groupId, String memberId) {
        return groupId + ":" + memberId;
    }

    /** A member's first contact with the group; {@link #join} or {@link #ask} gives it its status. */
    static Membership none(String groupId, String memberId) {
        return new Membership(groupId, memberId);
    }

    /** @return whether the member was not in the group before */
    boolean join(Group group, Instant now, EventFactory events) {
        if (status == Status.MEMBER) {
            return false;
        }
        become(Status.MEMBER, now);
        outbox.add(events.create(EventCatalog.GROUP_MEMBER_JOINED, groupId,
                new GroupMemberJoined(groupId, group.name(), memberId)));
        return true;
    }

    /** A request to join a private group, announced to its moderators; false when a member or pending already. */
    boolean ask(Group group, Instant now, EventFactory events) {
        if (status == Status.MEMBER || status == Status.PENDING) {
            return false;
        }
        become(Status.PENDING, now);
        outbox.add(events.create(EventCatalog.GROUP_JOIN_REQUESTED, groupId,
                new GroupJoinRequested(groupId, group.name(), memberId, group.moderatorIds())));
        return true;
    }

    /**
     * A moderator's answer; the same answer again changes nothing (a retried request).
     *
     * @return whether the membership changed
     * @throws ApiProblem 404 when there is no request to answer, 409 when it was answered the other way
     */
    boolean answer(Answer answer, Group group, Instant now, EventFactory events) {
        if (status == null || status == Status.LEFT) {
            throw ApiProblem.notFound("Join request of member " + memberId + " to group " + groupId);
        }
        if (status != Status.PENDING) {
            if ((answer == Answer.APPROVED) == (status == Status.MEMBER)) {
                return false;
            }
            throw ApiProblem.conflict("already-answered", "This request was answered already: " + status);
        }
        outbox.add(events.create(EventCatalog.GROUP_JOIN_ANSWERED, groupId,
                new GroupJoinAnswered(groupId, group.name(), memberId, answer.name())));
        if (answer == Answer.APPROVED) {
            join(group, now, events);
        }
        else {
            become(Status.DECLINED, now);
        }
        return true;
    }

    /**
     * Leaves the group, or takes back a pending request (which nobody is told of: the moderators' notification
     * just finds nothing to answer any more).
     *
     * @return whether anything changed
     */
    boolean leave(Group group, Instant now, EventFactory events) {
        if (status == Status.MEMBER) {
            outbox.add(events.create(EventCatalog.GROUP_MEMBER_LEFT, groupId,
                    new GroupMemberLeft(groupId, group.name(), memberId)));
        }
        else if (status != Status.PENDING) {
            return false;
        }
        become(Status.LEFT, now);
        return true;
    }

    private void become(Status next, Instant now) {
        status = next;
        since = now;
    }

    boolean isMember() {
        return status == Status.MEMBER;
    }

    boolean isNew() {
        return version == null;
    }

    String id() {
        return id;
    }

    String groupId() {
        return groupId;
    }

    String memberId() {
        return memberId;
    }

    Status status() {
        return status;
    }

    Instant since() {
        return since;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
