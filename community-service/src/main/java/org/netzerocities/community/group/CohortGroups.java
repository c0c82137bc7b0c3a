package org.netzerocities.community.group;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.netzerocities.community.member.MemberService;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * Each cohort of the programme has a private peer group that follows learning's events on the cohort's topic
 * (one key, so they arrive in order): the facilitators moderate it, enrolled and promoted learners are in it,
 * withdrawn ones leave it. Its id derives from the cohort's, so the group is created once however many times,
 * and by however many instances, the events are handled; every step is idempotent, and a retry repeats it.
 */
@Service
class CohortGroups {

    private static final Logger log = LoggerFactory.getLogger(CohortGroups.class);
    private static final List<String> WITH_A_PLACE = List.of("ENROLLED", "PROMOTED");

    private final MongoTemplate mongo;
    private final Memberships memberships;
    private final MemberService members;
    private final EventFactory events;
    private final Clock clock;

    CohortGroups(MongoTemplate mongo, Memberships memberships, MemberService members, EventFactory events,
            Clock clock) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /**
     * CohortStarted and CohortUpdated: the group exists, is named after the cohort, its facilitators moderate it
     * and are in it. A facilitator who is no longer one stops moderating but stays a member (they may leave).
     */
    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public void follow(String cohortId, String name, List<String> facilitatorIds) {
        List<String> facilitators = facilitatorIds.stream().filter(this::exists).distinct().toList();
        Group group = mongo.findById(Group.cohortGroupId(cohortId), Group.class);
        if (group == null) {
            group = create(cohortId, name, facilitators);
        }
        else if (group.followCohort(name, facilitators)) {
            group = mongo.save(group);
            log.info("Group {} follows cohort {}: moderators {}", group.id(), cohortId, facilitators);
        }
        for (String facilitator : facilitators) {
            memberships.join(group, facilitator);
        }
    }

    /**
     * LearnerEnrolled: a learner with a place is in the group; a waitlisted one is not (yet). Should the
     * enrolment come before any cohort event reached this service, the group is created without moderators,
     * and the cohort's next event appoints them.
     */
    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public void enrolled(LearnerEnrolled enrolled) {
        if (!WITH_A_PLACE.contains(enrolled.status()) || !exists(enrolled.memberId())) {
            return;
        }
        Group group = mongo.findById(Group.cohortGroupId(enrolled.cohortId()), Group.class);
        if (group == null) {
            group = create(enrolled.cohortId(), enrolled.cohortName(), List.of());
        }
        memberships.join(group, enrolled.memberId());
    }

    /** LearnerWithdrawn: the learner leaves the cohort's group. */
    void withdrawn(String cohortId, String memberId) {
        Group group = mongo.findById(Group.cohortGroupId(cohortId), Group.class);
        if (group != null) {
            memberships.leave(group, memberId);
        }
    }

    /** Inserts the group; when another delivery inserted it first, the duplicate key makes the caller retry. */
    private Group create(String cohortId, String name, List<String> facilitators) {
        Group group = mongo.insert(Group.forCohort(cohortId, name, facilitators,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), events));
        log.info("Created group {} of cohort {}", group.id(), cohortId);
        return group;
    }

    /** Learning may name a member erased since: nobody is added on their behalf. */
    private boolean exists(String memberId) {
        try {
            members.get(memberId);
            return true;
        }
        catch (ApiProblem unknown) {
            log.info("Cohort event names member {}, who has no account (any more): left out", memberId);
            return false;
        }
    }
}
