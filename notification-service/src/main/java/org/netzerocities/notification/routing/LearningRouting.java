package org.netzerocities.notification.routing;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.events.contract.learning.CohortStarted;
import org.netzerocities.events.contract.learning.CohortUpdated;
import org.netzerocities.events.contract.learning.DiscussionSessionScheduled;
import org.netzerocities.events.contract.learning.HomeworkReviewed;
import org.netzerocities.events.contract.learning.HomeworkSubmitted;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.contract.learning.LearnerQuestionAnswered;
import org.netzerocities.events.contract.learning.LearnerQuestionAsked;
import org.netzerocities.events.contract.learning.ModuleCompleted;
import org.netzerocities.notification.contact.Audiences;
import org.netzerocities.notification.delivery.Kind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who hears of learning-service's cohorts, enrolments, homework and certificates. */
@Configuration(proxyBeanMethods = false)
class LearningRouting {

    /** A cohort open for enrolment, announced (opt-in) to the members who speak its language; its facilitators made it. */
    @Bean
    EventHandler<CohortStarted> routeCohortStarted(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.COHORT_STARTED, (started, event) -> notifier.send(event,
                Notice.of(Kind.COHORT_OPEN, audiences.speaking(started.language()), cohortLink(started.cohortId()))
                        .with("cohortName", started.name(), "startsOn", started.startsOn())
                        .notTo(started.facilitatorIds())));
    }

    @Bean
    EventHandler<CohortUpdated> routeCohortUpdated(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.COHORT_UPDATED, (updated, event) -> notifier.send(event,
                Notice.of(Kind.COHORT_UPDATED, updated.learnerIds(), cohortLink(updated.cohortId()))
                        .with("cohortName", updated.name(), "startsOn", updated.startsOn(), "endsOn", updated.endsOn())
                        .notTo(updated.facilitatorIds())));
    }

    /** The learners; the facilitators planned it. The meeting link stays in the portal, behind the learner's login. */
    @Bean
    EventHandler<DiscussionSessionScheduled> routeDiscussionSessionScheduled(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.DISCUSSION_SESSION_SCHEDULED, (session, event) -> notifier.send(event,
                Notice.of("RESCHEDULED".equals(session.change()) ? Kind.SESSION_MOVED : Kind.SESSION_SCHEDULED,
                        session.learnerIds(), cohortLink(session.cohortId()))
                        .with("cohortName", session.cohortName(), "startsAt", session.startsAt())
                        .notTo(session.facilitatorIds())));
    }

    @Bean
    EventHandler<LearnerEnrolled> routeLearnerEnrolled(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.LEARNER_ENROLLED, (enrolled, event) -> notifier.send(event,
                Notice.to(switch (String.valueOf(enrolled.status())) {
                    case "WAITLISTED" -> Kind.LEARNER_WAITLISTED;
                    case "PROMOTED" -> Kind.LEARNER_PROMOTED;
                    default -> Kind.LEARNER_ENROLLED;
                }, enrolled.memberId(), cohortLink(enrolled.cohortId())).with("cohortName", enrolled.cohortName())));
    }

    @Bean
    EventHandler<LearnerQuestionAsked> routeLearnerQuestionAsked(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.LEARNER_QUESTION_ASKED, (asked, event) -> notifier.send(event,
                Notice.of(Kind.QUESTION_ASKED, asked.facilitatorIds(), questionLink(asked.cohortId(), asked.questionId()))
                        .with("cohortName", asked.cohortName()).notTo(asked.memberId())));
    }

    @Bean
    EventHandler<LearnerQuestionAnswered> routeLearnerQuestionAnswered(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.LEARNER_QUESTION_ANSWERED, (answered, event) -> notifier.send(event,
                Notice.to(Kind.QUESTION_ANSWERED, answered.memberId(),
                        questionLink(answered.cohortId(), answered.questionId()))
                        .with("cohortName", answered.cohortName()).notTo(answered.answeredBy())));
    }

    @Bean
    EventHandler<HomeworkSubmitted> routeHomeworkSubmitted(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.HOMEWORK_SUBMITTED, (submitted, event) -> notifier.send(event,
                Notice.of(Kind.HOMEWORK_SUBMITTED, submitted.facilitatorIds(),
                        "/learning/homework/" + submitted.submissionId())
                        .with("unitTitle", submitted.unitTitle()).notTo(submitted.memberId())));
    }

    @Bean
    EventHandler<HomeworkReviewed> routeHomeworkReviewed(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.HOMEWORK_REVIEWED, (reviewed, event) -> notifier.send(event,
                Notice.to("ACCEPTED".equals(reviewed.decision()) ? Kind.HOMEWORK_ACCEPTED : Kind.HOMEWORK_RETURNED,
                        reviewed.memberId(), "/learning/homework/" + reviewed.submissionId())
                        .with("unitTitle", reviewed.unitTitle()).notTo(reviewed.reviewerId())));
    }

    /** Two kinds: the learner is congratulated, the facilitators follow their progress. */
    @Bean
    EventHandler<ModuleCompleted> routeModuleCompleted(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.MODULE_COMPLETED, (completed, event) -> notifier.send(event,
                Notice.to(Kind.MODULE_COMPLETED, completed.memberId(), cohortLink(completed.cohortId()))
                        .with("moduleTitle", completed.moduleTitle()),
                Notice.of(Kind.LEARNER_MODULE_COMPLETED, completed.facilitatorIds(),
                        cohortLink(completed.cohortId()) + "/dashboard")
                        .with("moduleTitle", completed.moduleTitle()).notTo(completed.memberId())));
    }

    /** The verification code is the certificate's public address (anyone may verify it), not a secret. */
    @Bean
    EventHandler<CertificateIssued> routeCertificateIssued(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.CERTIFICATE_ISSUED, (issued, event) -> notifier.send(event,
                Notice.to(Kind.CERTIFICATE_ISSUED, issued.memberId(),
                        "/learning/certificates/" + issued.verificationCode())));
    }

    @Bean
    EventHandler<CertificateRevoked> routeCertificateRevoked(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.CERTIFICATE_REVOKED, (revoked, event) -> notifier.send(event,
                Notice.to(Kind.CERTIFICATE_REVOKED, revoked.memberId(), "/learning/enrollments")
                        .with("reason", revoked.reason())));
    }

    private static String cohortLink(String cohortId) {
        return "/learning/cohorts/" + cohortId;
    }

    private static String questionLink(String cohortId, String questionId) {
        return cohortLink(cohortId) + "/questions/" + questionId;
    }
}
