package org.netzerocities.learning.learner;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.contract.learning.ModuleCompleted;
import org.netzerocities.events.outbox.BusinessCounter;
import org.netzerocities.events.outbox.MemberCity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The programme's stages of the mission funnel per city (enrolled, modules completed, certified) for the
 * dashboards: counted from the events learning-service publishes, with the learner's city from its projection
 * (the events name the member, not the city).
 */
@Configuration(proxyBeanMethods = false)
class LearningFigures {

    @Bean
    BusinessCounter<LearnerEnrolled> learnersEnrolled(MongoTemplate mongo) {
        var city = new MemberCity(mongo, LearnerProjection.COLLECTION);
        return new BusinessCounter<>(EventCatalog.LEARNER_ENROLLED, "nzc.mission.learners.enrolled",
                "Enrolments in cohorts (status: enrolled or waitlisted)",
                enrolled -> city.apply(enrolled.memberId()).and("status", enrolled.status()));
    }

    @Bean
    BusinessCounter<ModuleCompleted> modulesCompleted(MongoTemplate mongo) {
        var city = new MemberCity(mongo, LearnerProjection.COLLECTION);
        return new BusinessCounter<>(EventCatalog.MODULE_COMPLETED, "nzc.mission.modules.completed",
                "Modules learners completed", completed -> city.apply(completed.memberId()));
    }

    @Bean
    BusinessCounter<CertificateIssued> certificatesIssued(MongoTemplate mongo) {
        var city = new MemberCity(mongo, LearnerProjection.COLLECTION);
        return new BusinessCounter<>(EventCatalog.CERTIFICATE_ISSUED, "nzc.mission.certificates.issued",
                "Certificates issued to learners who completed the programme",
                issued -> city.apply(issued.memberId()));
    }
}
