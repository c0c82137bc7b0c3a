package org.netzerocities.learning.cohort;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Cohorts and enrolments for the other features of learning-service, read from the cohorts (where places are
 * counted): an enrolment is found by id through its {@link EnrollmentRecord}, then in its cohort, two reads by id.
 * A record whose cohort never took the enrolment (an enrolment interrupted half-way) shows nowhere.
 */
@Component
class StoredCohorts implements Cohorts {

    private final MongoTemplate mongo;

    StoredCohorts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<CohortView> cohort(String cohortId) {
        return Optional.ofNullable(mongo.findById(cohortId, Cohort.class)).map(Cohort::view);
    }

    @Override
    public Optional<EnrollmentView> enrollment(String enrollmentId) {
        return Optional.ofNullable(mongo.findById(enrollmentId, EnrollmentRecord.class)).flatMap(this::placed)
                .map(Placed::view);
    }

    @Override
    public List<EnrollmentView> enrollmentsOf(String memberId) {
        return placedOf(memberId).stream().map(Placed::view).toList();
    }

    @Override
    public List<EnrollmentView> enrollmentsIn(String cohortId) {
        Cohort cohort = mongo.findById(cohortId, Cohort.class);
        return cohort == null ? List.of() : cohort.enrollmentViews();
    }

    /** The member's enrolments with their cohorts, newest first. */
    List<Placed> placedOf(String memberId) {
        Query query = Query.query(Criteria.where(EnrollmentRecord.MEMBER_ID).is(memberId))
                .with(Sort.by(Sort.Direction.DESC, EnrollmentRecord.ENROLLED_AT).and(Sort.by("_id")));
        return mongo.find(query, EnrollmentRecord.class).stream().flatMap(record -> placed(record).stream()).toList();
    }

    Optional<Placed> placed(EnrollmentRecord record) {
        Cohort cohort = mongo.findById(record.cohortId(), Cohort.class);
        return cohort == null ? Optional.empty()
                : cohort.enrollment(record.enrollmentId()).map(enrollment -> new Placed(cohort, enrollment));
    }

    /** An enrolment as its cohort keeps it. */
    record Placed(Cohort cohort, Enrollment enrollment) {

        EnrollmentView view() {
            return cohort.view(enrollment);
        }

        EnrollmentOverview overview() {
            return EnrollmentOverview.of(cohort, enrollment);
        }
    }
}
