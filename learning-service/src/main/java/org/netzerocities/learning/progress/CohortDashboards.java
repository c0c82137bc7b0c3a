package org.netzerocities.learning.progress;

import java.time.Clock;
import java.util.List;

import org.netzerocities.learning.cohort.Cohorts;
import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentView;
import org.netzerocities.learning.program.Programme;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads what a cohort's dashboard is computed from: one query per kind of data, never one per learner. */
@Service
class CohortDashboards {

    private static final Logger log = LoggerFactory.getLogger(CohortDashboards.class);

    private final MongoTemplate mongo;
    private final Cohorts cohorts;
    private final EnrollmentAccess access;
    private final Programme programme;
    private final ProgressService progress;
    private final Questions questions;
    private final LearnerNames learners;
    private final Clock clock;

    CohortDashboards(MongoTemplate mongo, Cohorts cohorts, EnrollmentAccess access, Programme programme,
            ProgressService progress, Questions questions, LearnerNames learners, Clock clock) {
        this.mongo = mongo;
        this.cohorts = cohorts;
        this.access = access;
        this.programme = programme;
        this.progress = progress;
        this.questions = questions;
        this.learners = learners;
        this.clock = clock;
    }

    /** @throws ApiProblem 404 unknown cohort, 403 neither its facilitator nor an admin */
    CohortDashboard of(String cohortId, Caller caller) {
        CohortView cohort = access.overseen(cohortId, caller);
        List<EnrollmentView> enrollments = cohorts.enrollmentsIn(cohortId);
        var sources = new CohortDashboard.Sources(cohort, programme.modules(), enrollments,
                progress.inCohort(cohortId), questions.inCohort(cohortId),
                mongo.find(Query.query(Criteria.where(Progress.COHORT_ID).is(cohortId)), HeldCertificate.class),
                learners.of(enrollments.stream().map(EnrollmentView::memberId).toList()));
        CohortDashboard dashboard = CohortDashboard.of(sources, clock.instant());
        log.info("Dashboard of cohort {} read by member {} ({} enrolments)", cohortId, caller.memberId(),
                enrollments.size());
        return dashboard;
    }
}
