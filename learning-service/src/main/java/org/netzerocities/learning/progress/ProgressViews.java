package org.netzerocities.learning.progress;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.netzerocities.learning.cohort.Cohorts.EnrollmentView;
import org.netzerocities.learning.program.Programme.ModuleOutline;
import org.netzerocities.learning.program.Programme.UnitOutline;

import io.swagger.v3.oas.annotations.media.Schema;

/** Progress as the API and the member's data export show it. */
final class ProgressViews {

    private ProgressViews() {
    }

    /**
     * An enrolment with the learner's progress, module by module in programme order.
     *
     * @param percent the mean of the modules' percentages
     */
    record EnrollmentProgress(String enrollmentId, String cohortId, String cohortName, String status,
            Instant enrolledAt, Instant withdrawnAt, int percent, long modulesCompleted, Instant programCompletedAt,
            Instant lastActivityAt, List<ModuleView> modules,
            @Schema(description = "Once issued; null before") CertificateView certificate) {

        static EnrollmentProgress of(EnrollmentView enrollment, String cohortName, Progress progress,
                List<ModuleOutline> programme, HeldCertificate certificate) {
            List<ModuleView> modules = programme.stream().map(module -> ModuleView.of(module, progress)).toList();
            return new EnrollmentProgress(enrollment.enrollmentId(), enrollment.cohortId(), cohortName,
                    enrollment.status().name(), enrollment.enrolledAt(), enrollment.withdrawnAt(),
                    progress.overallPercent(programme),
                    progress.modulesCompleted(), progress.programCompletedAt(), progress.lastActivityAt(), modules,
                    certificate == null ? null : CertificateView.of(certificate));
        }
    }

    /** @param percent 0-100, 100 once complete; never lower than before, whatever edits of the content */
    record ModuleView(String moduleId, int position, String title, int percent, boolean completed,
            Instant completedAt, List<UnitView> units) {

        static ModuleView of(ModuleOutline module, Progress progress) {
            ModuleProgress standing = progress.moduleProgress(module.moduleId());
            return new ModuleView(module.moduleId(), module.position(), module.title(), progress.percent(module),
                    standing.completed(), standing.completedAt(),
                    module.units().stream().map(unit -> UnitView.of(unit, progress)).toList());
        }
    }

    /**
     * A unit with the learner's progress in it.
     *
     * @param version          the unit's current version
     * @param completedVersion the version it was completed at, which may be older than the current one
     * @param homework         the latest submission, or null before the first
     */
    record UnitView(String unitId, String title, int version, boolean watched, Instant watchedAt,
            HomeworkStatus homeworkStatus, SubmissionView homework, boolean completed, Instant completedAt,
            Integer completedVersion) {

        static UnitView of(UnitOutline unit, Progress progress) {
            UnitProgress standing = progress.unit(unit.unitId())
                    .orElse(UnitProgress.start(unit.unitId(), unit.moduleId()));
            return new UnitView(unit.unitId(), unit.title(), unit.version(), standing.watched(),
                    standing.watchedAt(), standing.homeworkStatus(),
                    standing.submissions().isEmpty() ? null
                            : SubmissionView.of(progress, standing, standing.latest()),
                    standing.completed(), standing.completedAt(), standing.completedVersion());
        }
    }

    /** A homework submission with its review, for the learner, the facilitators' queue and the export. */
    record SubmissionView(String submissionId, String enrollmentId, String memberId,
            @Schema(description = "The learner's name, in the facilitators' queue") String displayName,
            String moduleId, String unitId, String unitTitle, int attempt, String text, String link,
            HomeworkStatus status, Instant submittedAt, String reviewerId, Instant reviewedAt, String feedback) {

        /** Every submission of the enrolment, unit by unit. */
        static Stream<SubmissionView> allOf(Progress progress) {
            return progress.units().stream().flatMap(unit -> unit.submissions().stream()
                    .map(submission -> of(progress, unit, submission)));
        }

        static SubmissionView of(Progress progress, UnitProgress unit, Submission submission) {
            return new SubmissionView(submission.submissionId(), progress.enrollmentId(), progress.memberId(), null, unit.moduleId(), unit.unitId(), submission.unitTitle(), submission.attempt(),
                    submission.text(), submission.link(), submission.status(), submission.submittedAt(),
                    submission.reviewerId(), submission.reviewedAt(), submission.feedback());
        }

        SubmissionView named(String name) {
            return new SubmissionView(submissionId, enrollmentId, memberId, name, moduleId, unitId, unitTitle, attempt,
                    text, link, status, submittedAt, reviewerId, reviewedAt, feedback);
        }
    }

    /** @param status VALID or REVOKED */
    record CertificateView(String certificateId, String verificationCode, Instant issuedAt, String status,
            Instant revokedAt, String revocationReason) {

        static CertificateView of(HeldCertificate certificate) {
            return new CertificateView(certificate.certificateId(), certificate.verificationCode(),
                    certificate.issuedAt(), certificate.valid() ? "VALID" : "REVOKED", certificate.revokedAt(),
                    certificate.revocationReason());
        }
    }
}
