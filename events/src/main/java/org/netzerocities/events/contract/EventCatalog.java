package org.netzerocities.events.contract;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.netzerocities.events.contract.campaign.ChannelCreated;
import org.netzerocities.events.contract.campaign.ChannelTeamChanged;
import org.netzerocities.events.contract.campaign.ChannelCredentialExpiring;
import org.netzerocities.events.contract.campaign.ChannelDormant;
import org.netzerocities.events.contract.campaign.CampaignLaunched;
import org.netzerocities.events.contract.campaign.CallToActionLaunched;
import org.netzerocities.events.contract.campaign.CallToActionResponded;
import org.netzerocities.events.contract.campaign.CampaignPostSubmitted;
import org.netzerocities.events.contract.campaign.CampaignPostApproved;
import org.netzerocities.events.contract.campaign.CampaignPostRejected;
import org.netzerocities.events.contract.campaign.CampaignPostPublished;
import org.netzerocities.events.contract.campaign.CampaignPostPublishFailed;
import org.netzerocities.events.contract.campaign.EngagementPlanShared;
import org.netzerocities.events.contract.community.EmailVerificationRequested;
import org.netzerocities.events.contract.community.PasswordResetRequested;
import org.netzerocities.events.contract.community.EmailChangeRequested;
import org.netzerocities.events.contract.community.EmailChanged;
import org.netzerocities.events.contract.community.PasswordChanged;
import org.netzerocities.events.contract.community.TermsVersionPublished;
import org.netzerocities.events.contract.community.CallToJoinLaunched;
import org.netzerocities.events.contract.community.EventCancelled;
import org.netzerocities.events.contract.community.EventRegistrationChanged;
import org.netzerocities.events.contract.community.EventReminderDue;
import org.netzerocities.events.contract.community.EventScheduled;
import org.netzerocities.events.contract.community.EventUpdated;
import org.netzerocities.events.contract.community.CollaborationAnswered;
import org.netzerocities.events.contract.community.CollaborationRequested;
import org.netzerocities.events.contract.community.ContentPinned;
import org.netzerocities.events.contract.community.FrontrunnerRequestAnswered;
import org.netzerocities.events.contract.community.FrontrunnerRequested;
import org.netzerocities.events.contract.community.GroupCreated;
import org.netzerocities.events.contract.community.GroupJoinAnswered;
import org.netzerocities.events.contract.community.GroupJoinRequested;
import org.netzerocities.events.contract.community.GroupMemberJoined;
import org.netzerocities.events.contract.community.GroupMemberLeft;
import org.netzerocities.events.contract.community.ManifestoAccepted;
import org.netzerocities.events.contract.community.ManifestoVersionPublished;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberReinstated;
import org.netzerocities.events.contract.community.MemberSuspended;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.contract.community.MemberRoleGranted;
import org.netzerocities.events.contract.community.MemberRoleRevoked;
import org.netzerocities.events.contract.community.OnboardingCompleted;
import org.netzerocities.events.contract.community.MemberMentioned;
import org.netzerocities.events.contract.community.PostHidden;
import org.netzerocities.events.contract.community.PostPublished;
import org.netzerocities.events.contract.community.PostReported;
import org.netzerocities.events.contract.community.ThreadReplied;
import org.netzerocities.events.contract.community.ThreadStarted;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.events.contract.learning.CohortStarted;
import org.netzerocities.events.contract.learning.CohortUpdated;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.contract.learning.LearnerWithdrawn;
import org.netzerocities.events.contract.learning.DiscussionSessionScheduled;
import org.netzerocities.events.contract.learning.LearnerQuestionAsked;
import org.netzerocities.events.contract.learning.LearnerQuestionAnswered;
import org.netzerocities.events.contract.learning.UnitCompleted;
import org.netzerocities.events.contract.learning.HomeworkSubmitted;
import org.netzerocities.events.contract.learning.HomeworkReviewed;
import org.netzerocities.events.contract.learning.ModuleCompleted;
import org.netzerocities.events.contract.learning.ProgramCompleted;

/**
 * Every event type and topic of the platform. A type published anywhere must be listed here, have a
 * JSON Schema under {@code schemas/} and an entry in {@code asyncapi.yaml}; {@code EventContractTest}
 * enforces all three.
 */
public final class EventCatalog {

    public static final String COMMUNITY_MEMBERS_TOPIC = "nzc.community.members.v1";
    public static final String COMMUNITY_MEMBER_CONTACTS_TOPIC = "nzc.community.member-contacts.v1";
    public static final String COMMUNITY_ACCOUNT_SECURITY_TOPIC = "nzc.community.account-security.v1";
    public static final String COMMUNITY_CALLS_TOPIC = "nzc.community.calls.v1";
    public static final String COMMUNITY_MANIFESTO_TOPIC = "nzc.community.manifesto.v1";
    public static final String COMMUNITY_EVENTS_TOPIC = "nzc.community.events.v1";
    public static final String COMMUNITY_PINS_TOPIC = "nzc.community.pins.v1";
    public static final String COMMUNITY_COLLABORATIONS_TOPIC = "nzc.community.collaborations.v1";
    public static final String COMMUNITY_GROUPS_TOPIC = "nzc.community.groups.v1";
    // message boards (issue 7)
    public static final String COMMUNITY_THREADS_TOPIC = "nzc.community.threads.v1";
    public static final String LEARNING_COHORTS_TOPIC = "nzc.learning.cohorts.v1";
    public static final String LEARNING_CERTIFICATES_TOPIC = "nzc.learning.certificates.v1";
    public static final String LEARNING_ENROLLMENTS_TOPIC = "nzc.learning.enrollments.v1";
    public static final String CAMPAIGN_CHANNELS_TOPIC = "nzc.campaign.channels.v1";
    public static final String CAMPAIGN_CAMPAIGNS_TOPIC = "nzc.campaign.campaigns.v1";
    public static final String CAMPAIGN_POSTS_TOPIC = "nzc.campaign.posts.v1";
    public static final String CAMPAIGN_ENGAGEMENT_PLANS_TOPIC = "nzc.campaign.engagement-plans.v1";

    public static final EventType<MemberJoined> MEMBER_JOINED = new EventType<>(
            "org.netzerocities.community.member.joined.v1", COMMUNITY_MEMBERS_TOPIC, MemberJoined.class,
            "schemas/community/member-joined.v1.json");

    public static final EventType<MemberProfileUpdated> MEMBER_PROFILE_UPDATED = new EventType<>(
            "org.netzerocities.community.member.profile-updated.v1", COMMUNITY_MEMBERS_TOPIC, MemberProfileUpdated.class,
            "schemas/community/member-profile-updated.v1.json");

    public static final EventType<MemberRoleGranted> MEMBER_ROLE_GRANTED = new EventType<>(
            "org.netzerocities.community.member.role-granted.v1", COMMUNITY_MEMBERS_TOPIC, MemberRoleGranted.class,
            "schemas/community/member-role-granted.v1.json");

    public static final EventType<MemberRoleRevoked> MEMBER_ROLE_REVOKED = new EventType<>(
            "org.netzerocities.community.member.role-revoked.v1", COMMUNITY_MEMBERS_TOPIC, MemberRoleRevoked.class,
            "schemas/community/member-role-revoked.v1.json");

    public static final EventType<FrontrunnerRequested> FRONTRUNNER_REQUESTED = new EventType<>(
            "org.netzerocities.community.member.frontrunner-requested.v1", COMMUNITY_MEMBERS_TOPIC, FrontrunnerRequested.class,
            "schemas/community/frontrunner-requested.v1.json");

    public static final EventType<FrontrunnerRequestAnswered> FRONTRUNNER_REQUEST_ANSWERED = new EventType<>(
            "org.netzerocities.community.member.frontrunner-request-answered.v1", COMMUNITY_MEMBERS_TOPIC, FrontrunnerRequestAnswered.class,
            "schemas/community/frontrunner-request-answered.v1.json");

    public static final EventType<ManifestoAccepted> MANIFESTO_ACCEPTED = new EventType<>(
            "org.netzerocities.community.member.manifesto-accepted.v1", COMMUNITY_MEMBERS_TOPIC, ManifestoAccepted.class,
            "schemas/community/manifesto-accepted.v1.json");

    public static final EventType<OnboardingCompleted> ONBOARDING_COMPLETED = new EventType<>(
            "org.netzerocities.community.member.onboarding-completed.v1", COMMUNITY_MEMBERS_TOPIC, OnboardingCompleted.class,
            "schemas/community/onboarding-completed.v1.json");

    public static final EventType<MemberErased> MEMBER_ERASED = new EventType<>(
            "org.netzerocities.community.member.erased.v1", COMMUNITY_MEMBERS_TOPIC, MemberErased.class,
            "schemas/community/member-erased.v1.json");

    public static final EventType<MemberSuspended> MEMBER_SUSPENDED = new EventType<>(
            "org.netzerocities.community.member.suspended.v1", COMMUNITY_MEMBERS_TOPIC, MemberSuspended.class,
            "schemas/community/member-suspended.v1.json");

    public static final EventType<MemberReinstated> MEMBER_REINSTATED = new EventType<>(
            "org.netzerocities.community.member.reinstated.v1", COMMUNITY_MEMBERS_TOPIC, MemberReinstated.class,
            "schemas/community/member-reinstated.v1.json");

    public static final EventType<MemberContactChanged> MEMBER_CONTACT_CHANGED = new EventType<>(
            "org.netzerocities.community.member-contact.changed.v1", COMMUNITY_MEMBER_CONTACTS_TOPIC, MemberContactChanged.class,
            "schemas/community/member-contact-changed.v1.json");

    public static final EventType<CallToJoinLaunched> CALL_TO_JOIN_LAUNCHED = new EventType<>(
            "org.netzerocities.community.call.launched.v1", COMMUNITY_CALLS_TOPIC, CallToJoinLaunched.class,
            "schemas/community/call-to-join-launched.v1.json");

    public static final EventType<ManifestoVersionPublished> MANIFESTO_VERSION_PUBLISHED = new EventType<>(
            "org.netzerocities.community.manifesto.version-published.v1", COMMUNITY_MANIFESTO_TOPIC, ManifestoVersionPublished.class,
            "schemas/community/manifesto-version-published.v1.json");

    // the event calendar: community events and their registrations, keyed by event id
    public static final EventType<EventScheduled> EVENT_SCHEDULED = new EventType<>(
            "org.netzerocities.community.event.scheduled.v1", COMMUNITY_EVENTS_TOPIC, EventScheduled.class,
            "schemas/community/event-scheduled.v1.json");

    public static final EventType<EventUpdated> EVENT_UPDATED = new EventType<>(
            "org.netzerocities.community.event.updated.v1", COMMUNITY_EVENTS_TOPIC, EventUpdated.class,
            "schemas/community/event-updated.v1.json");

    public static final EventType<EventCancelled> EVENT_CANCELLED = new EventType<>(
            "org.netzerocities.community.event.cancelled.v1", COMMUNITY_EVENTS_TOPIC, EventCancelled.class,
            "schemas/community/event-cancelled.v1.json");

    public static final EventType<EventRegistrationChanged> EVENT_REGISTRATION_CHANGED = new EventType<>(
            "org.netzerocities.community.event.registration-changed.v1", COMMUNITY_EVENTS_TOPIC,
            EventRegistrationChanged.class, "schemas/community/event-registration-changed.v1.json");

    public static final EventType<EventReminderDue> EVENT_REMINDER_DUE = new EventType<>(
            "org.netzerocities.community.event.reminder-due.v1", COMMUNITY_EVENTS_TOPIC, EventReminderDue.class,
            "schemas/community/event-reminder-due.v1.json");
    public static final EventType<ContentPinned> CONTENT_PINNED = new EventType<>(
            "org.netzerocities.community.pin.pinned.v1", COMMUNITY_PINS_TOPIC, ContentPinned.class,
            "schemas/community/content-pinned.v1.json");

    public static final EventType<CollaborationRequested> COLLABORATION_REQUESTED = new EventType<>(
            "org.netzerocities.community.collaboration.requested.v1", COMMUNITY_COLLABORATIONS_TOPIC,
            CollaborationRequested.class, "schemas/community/collaboration-requested.v1.json");

    public static final EventType<CollaborationAnswered> COLLABORATION_ANSWERED = new EventType<>(
            "org.netzerocities.community.collaboration.answered.v1", COMMUNITY_COLLABORATIONS_TOPIC,
            CollaborationAnswered.class, "schemas/community/collaboration-answered.v1.json");

    // message boards (issue 7): every event of a thread is keyed by the thread id
    public static final EventType<ThreadStarted> THREAD_STARTED = new EventType<>(
            "org.netzerocities.community.thread.started.v1", COMMUNITY_THREADS_TOPIC, ThreadStarted.class,
            "schemas/community/thread-started.v1.json");

    public static final EventType<PostPublished> POST_PUBLISHED = new EventType<>(
            "org.netzerocities.community.thread.post-published.v1", COMMUNITY_THREADS_TOPIC, PostPublished.class,
            "schemas/community/post-published.v1.json");

    public static final EventType<ThreadReplied> THREAD_REPLIED = new EventType<>(
            "org.netzerocities.community.thread.replied.v1", COMMUNITY_THREADS_TOPIC, ThreadReplied.class,
            "schemas/community/thread-replied.v1.json");

    public static final EventType<MemberMentioned> MEMBER_MENTIONED = new EventType<>(
            "org.netzerocities.community.thread.member-mentioned.v1", COMMUNITY_THREADS_TOPIC, MemberMentioned.class,
            "schemas/community/member-mentioned.v1.json");

    public static final EventType<PostReported> POST_REPORTED = new EventType<>(
            "org.netzerocities.community.thread.post-reported.v1", COMMUNITY_THREADS_TOPIC, PostReported.class,
            "schemas/community/post-reported.v1.json");

    public static final EventType<PostHidden> POST_HIDDEN = new EventType<>(
            "org.netzerocities.community.thread.post-hidden.v1", COMMUNITY_THREADS_TOPIC, PostHidden.class,
            "schemas/community/post-hidden.v1.json");

    public static final EventType<LearnerEnrolled> LEARNER_ENROLLED = new EventType<>(
            "org.netzerocities.learning.cohort.learner-enrolled.v1", LEARNING_COHORTS_TOPIC, LearnerEnrolled.class,
            "schemas/learning/learner-enrolled.v1.json");

    // sub-groups (issue 7)
    public static final EventType<GroupCreated> GROUP_CREATED = new EventType<>(
            "org.netzerocities.community.group.created.v1", COMMUNITY_GROUPS_TOPIC, GroupCreated.class,
            "schemas/community/group-created.v1.json");

    public static final EventType<GroupMemberJoined> GROUP_MEMBER_JOINED = new EventType<>(
            "org.netzerocities.community.group.member-joined.v1", COMMUNITY_GROUPS_TOPIC, GroupMemberJoined.class,
            "schemas/community/group-member-joined.v1.json");

    public static final EventType<GroupMemberLeft> GROUP_MEMBER_LEFT = new EventType<>(
            "org.netzerocities.community.group.member-left.v1", COMMUNITY_GROUPS_TOPIC, GroupMemberLeft.class,
            "schemas/community/group-member-left.v1.json");

    public static final EventType<GroupJoinRequested> GROUP_JOIN_REQUESTED = new EventType<>(
            "org.netzerocities.community.group.join-requested.v1", COMMUNITY_GROUPS_TOPIC, GroupJoinRequested.class,
            "schemas/community/group-join-requested.v1.json");

    public static final EventType<GroupJoinAnswered> GROUP_JOIN_ANSWERED = new EventType<>(
            "org.netzerocities.community.group.join-answered.v1", COMMUNITY_GROUPS_TOPIC, GroupJoinAnswered.class,
            "schemas/community/group-join-answered.v1.json");

    // learning's cohort events the peer groups follow (consumer-first contracts from events.md)
    public static final EventType<CohortStarted> COHORT_STARTED = new EventType<>(
            "org.netzerocities.learning.cohort.started.v1", LEARNING_COHORTS_TOPIC, CohortStarted.class,
            "schemas/learning/cohort-started.v1.json");

    public static final EventType<CohortUpdated> COHORT_UPDATED = new EventType<>(
            "org.netzerocities.learning.cohort.updated.v1", LEARNING_COHORTS_TOPIC, CohortUpdated.class,
            "schemas/learning/cohort-updated.v1.json");

    public static final EventType<LearnerWithdrawn> LEARNER_WITHDRAWN = new EventType<>(
            "org.netzerocities.learning.cohort.learner-withdrawn.v1", LEARNING_COHORTS_TOPIC, LearnerWithdrawn.class,
            "schemas/learning/learner-withdrawn.v1.json");

    public static final EventType<CertificateIssued> CERTIFICATE_ISSUED = new EventType<>(
            "org.netzerocities.learning.certificate.issued.v1", LEARNING_CERTIFICATES_TOPIC, CertificateIssued.class,
            "schemas/learning/certificate-issued.v1.json");

    public static final EventType<CertificateRevoked> CERTIFICATE_REVOKED = new EventType<>(
            "org.netzerocities.learning.certificate.revoked.v1", LEARNING_CERTIFICATES_TOPIC, CertificateRevoked.class,
            "schemas/learning/certificate-revoked.v1.json");

    // the programme's sessions, questions and progress (issue 8)
    public static final EventType<DiscussionSessionScheduled> DISCUSSION_SESSION_SCHEDULED = new EventType<>(
            "org.netzerocities.learning.cohort.discussion-session-scheduled.v1", LEARNING_COHORTS_TOPIC, DiscussionSessionScheduled.class,
            "schemas/learning/discussion-session-scheduled.v1.json");

    public static final EventType<LearnerQuestionAsked> LEARNER_QUESTION_ASKED = new EventType<>(
            "org.netzerocities.learning.cohort.learner-question-asked.v1", LEARNING_COHORTS_TOPIC, LearnerQuestionAsked.class,
            "schemas/learning/learner-question-asked.v1.json");

    public static final EventType<LearnerQuestionAnswered> LEARNER_QUESTION_ANSWERED = new EventType<>(
            "org.netzerocities.learning.cohort.learner-question-answered.v1", LEARNING_COHORTS_TOPIC, LearnerQuestionAnswered.class,
            "schemas/learning/learner-question-answered.v1.json");

    public static final EventType<UnitCompleted> UNIT_COMPLETED = new EventType<>(
            "org.netzerocities.learning.enrollment.unit-completed.v1", LEARNING_ENROLLMENTS_TOPIC, UnitCompleted.class,
            "schemas/learning/unit-completed.v1.json");

    public static final EventType<HomeworkSubmitted> HOMEWORK_SUBMITTED = new EventType<>(
            "org.netzerocities.learning.enrollment.homework-submitted.v1", LEARNING_ENROLLMENTS_TOPIC, HomeworkSubmitted.class,
            "schemas/learning/homework-submitted.v1.json");

    public static final EventType<HomeworkReviewed> HOMEWORK_REVIEWED = new EventType<>(
            "org.netzerocities.learning.enrollment.homework-reviewed.v1", LEARNING_ENROLLMENTS_TOPIC, HomeworkReviewed.class,
            "schemas/learning/homework-reviewed.v1.json");

    public static final EventType<ModuleCompleted> MODULE_COMPLETED = new EventType<>(
            "org.netzerocities.learning.enrollment.module-completed.v1", LEARNING_ENROLLMENTS_TOPIC, ModuleCompleted.class,
            "schemas/learning/module-completed.v1.json");

    public static final EventType<ProgramCompleted> PROGRAM_COMPLETED = new EventType<>(
            "org.netzerocities.learning.enrollment.program-completed.v1", LEARNING_ENROLLMENTS_TOPIC, ProgramCompleted.class,
            "schemas/learning/program-completed.v1.json");

    // the engagement plan (issue 9)
    public static final EventType<ChannelCreated> CHANNEL_CREATED = new EventType<>(
            "org.netzerocities.campaign.channel.created.v1", CAMPAIGN_CHANNELS_TOPIC, ChannelCreated.class,
            "schemas/campaign/channel-created.v1.json");

    public static final EventType<ChannelTeamChanged> CHANNEL_TEAM_CHANGED = new EventType<>(
            "org.netzerocities.campaign.channel.team-changed.v1", CAMPAIGN_CHANNELS_TOPIC, ChannelTeamChanged.class,
            "schemas/campaign/channel-team-changed.v1.json");

    public static final EventType<ChannelCredentialExpiring> CHANNEL_CREDENTIAL_EXPIRING = new EventType<>(
            "org.netzerocities.campaign.channel.credential-expiring.v1", CAMPAIGN_CHANNELS_TOPIC, ChannelCredentialExpiring.class,
            "schemas/campaign/channel-credential-expiring.v1.json");

    public static final EventType<ChannelDormant> CHANNEL_DORMANT = new EventType<>(
            "org.netzerocities.campaign.channel.dormant.v1", CAMPAIGN_CHANNELS_TOPIC, ChannelDormant.class,
            "schemas/campaign/channel-dormant.v1.json");

    public static final EventType<CampaignLaunched> CAMPAIGN_LAUNCHED = new EventType<>(
            "org.netzerocities.campaign.campaign.launched.v1", CAMPAIGN_CAMPAIGNS_TOPIC, CampaignLaunched.class,
            "schemas/campaign/campaign-launched.v1.json");

    public static final EventType<CallToActionLaunched> CALL_TO_ACTION_LAUNCHED = new EventType<>(
            "org.netzerocities.campaign.campaign.call-to-action-launched.v1", CAMPAIGN_CAMPAIGNS_TOPIC, CallToActionLaunched.class,
            "schemas/campaign/campaign-call-to-action-launched.v1.json");

    public static final EventType<CallToActionResponded> CALL_TO_ACTION_RESPONDED = new EventType<>(
            "org.netzerocities.campaign.campaign.call-to-action-responded.v1", CAMPAIGN_CAMPAIGNS_TOPIC, CallToActionResponded.class,
            "schemas/campaign/campaign-call-to-action-responded.v1.json");

    public static final EventType<CampaignPostSubmitted> CAMPAIGN_POST_SUBMITTED = new EventType<>(
            "org.netzerocities.campaign.post.submitted.v1", CAMPAIGN_POSTS_TOPIC, CampaignPostSubmitted.class,
            "schemas/campaign/post-submitted.v1.json");

    public static final EventType<CampaignPostApproved> CAMPAIGN_POST_APPROVED = new EventType<>(
            "org.netzerocities.campaign.post.approved.v1", CAMPAIGN_POSTS_TOPIC, CampaignPostApproved.class,
            "schemas/campaign/post-approved.v1.json");

    public static final EventType<CampaignPostRejected> CAMPAIGN_POST_REJECTED = new EventType<>(
            "org.netzerocities.campaign.post.rejected.v1", CAMPAIGN_POSTS_TOPIC, CampaignPostRejected.class,
            "schemas/campaign/post-rejected.v1.json");

    public static final EventType<CampaignPostPublished> CAMPAIGN_POST_PUBLISHED = new EventType<>(
            "org.netzerocities.campaign.post.published.v1", CAMPAIGN_POSTS_TOPIC, CampaignPostPublished.class,
            "schemas/campaign/post-published.v1.json");

    public static final EventType<CampaignPostPublishFailed> CAMPAIGN_POST_PUBLISH_FAILED = new EventType<>(
            "org.netzerocities.campaign.post.publish-failed.v1", CAMPAIGN_POSTS_TOPIC, CampaignPostPublishFailed.class,
            "schemas/campaign/post-publish-failed.v1.json");

    public static final EventType<EngagementPlanShared> ENGAGEMENT_PLAN_SHARED = new EventType<>(
            "org.netzerocities.campaign.engagement-plan.shared.v1", CAMPAIGN_ENGAGEMENT_PLANS_TOPIC, EngagementPlanShared.class,
            "schemas/campaign/engagement-plan-shared.v1.json");

    // account security (internal topic) and terms versions: consumed by notification-service (issue 10), produced by issue 12
    public static final EventType<EmailVerificationRequested> EMAIL_VERIFICATION_REQUESTED = new EventType<>(
            "org.netzerocities.community.account.email-verification-requested.v1", COMMUNITY_ACCOUNT_SECURITY_TOPIC, EmailVerificationRequested.class,
            "schemas/community/email-verification-requested.v1.json");

    public static final EventType<PasswordResetRequested> PASSWORD_RESET_REQUESTED = new EventType<>(
            "org.netzerocities.community.account.password-reset-requested.v1", COMMUNITY_ACCOUNT_SECURITY_TOPIC, PasswordResetRequested.class,
            "schemas/community/password-reset-requested.v1.json");

    public static final EventType<EmailChangeRequested> EMAIL_CHANGE_REQUESTED = new EventType<>(
            "org.netzerocities.community.account.email-change-requested.v1", COMMUNITY_ACCOUNT_SECURITY_TOPIC, EmailChangeRequested.class,
            "schemas/community/email-change-requested.v1.json");

    public static final EventType<EmailChanged> EMAIL_CHANGED = new EventType<>(
            "org.netzerocities.community.account.email-changed.v1", COMMUNITY_ACCOUNT_SECURITY_TOPIC, EmailChanged.class,
            "schemas/community/email-changed.v1.json");

    public static final EventType<PasswordChanged> PASSWORD_CHANGED = new EventType<>(
            "org.netzerocities.community.account.password-changed.v1", COMMUNITY_ACCOUNT_SECURITY_TOPIC, PasswordChanged.class,
            "schemas/community/password-changed.v1.json");

    public static final EventType<TermsVersionPublished> TERMS_VERSION_PUBLISHED = new EventType<>(
            "org.netzerocities.community.manifesto.terms-version-published.v1", COMMUNITY_MANIFESTO_TOPIC, TermsVersionPublished.class,
            "schemas/community/terms-version-published.v1.json");

    private static final List<EventType<?>> ALL = List.of(
            MEMBER_JOINED, MEMBER_PROFILE_UPDATED, MEMBER_ROLE_GRANTED, MEMBER_ROLE_REVOKED, FRONTRUNNER_REQUESTED,
            FRONTRUNNER_REQUEST_ANSWERED, MANIFESTO_ACCEPTED, ONBOARDING_COMPLETED, MEMBER_ERASED,
            MEMBER_SUSPENDED, MEMBER_REINSTATED,
            MEMBER_CONTACT_CHANGED, CALL_TO_JOIN_LAUNCHED, MANIFESTO_VERSION_PUBLISHED,
            EVENT_SCHEDULED, EVENT_UPDATED, EVENT_CANCELLED, EVENT_REGISTRATION_CHANGED, EVENT_REMINDER_DUE,
            CONTENT_PINNED,
            COLLABORATION_REQUESTED, COLLABORATION_ANSWERED,
            LEARNER_ENROLLED, CERTIFICATE_ISSUED, CERTIFICATE_REVOKED,
            GROUP_CREATED, GROUP_MEMBER_JOINED, GROUP_MEMBER_LEFT, GROUP_JOIN_REQUESTED, GROUP_JOIN_ANSWERED,
            COHORT_STARTED, COHORT_UPDATED, LEARNER_WITHDRAWN,
            // message boards (issue 7)
            THREAD_STARTED, POST_PUBLISHED, THREAD_REPLIED, MEMBER_MENTIONED, POST_REPORTED, POST_HIDDEN,
            // the programme (issue 8)
            DISCUSSION_SESSION_SCHEDULED, LEARNER_QUESTION_ASKED, LEARNER_QUESTION_ANSWERED,
            UNIT_COMPLETED, HOMEWORK_SUBMITTED, HOMEWORK_REVIEWED, MODULE_COMPLETED, PROGRAM_COMPLETED,
            // the engagement plan (issue 9)
            CHANNEL_CREATED, CHANNEL_TEAM_CHANGED, CHANNEL_CREDENTIAL_EXPIRING, CHANNEL_DORMANT,
            CAMPAIGN_LAUNCHED, CALL_TO_ACTION_LAUNCHED, CALL_TO_ACTION_RESPONDED,
            CAMPAIGN_POST_SUBMITTED, CAMPAIGN_POST_APPROVED, CAMPAIGN_POST_REJECTED, CAMPAIGN_POST_PUBLISHED, CAMPAIGN_POST_PUBLISH_FAILED, ENGAGEMENT_PLAN_SHARED,
            // account security and terms (issue 10 consumes, issue 12 produces)
            EMAIL_VERIFICATION_REQUESTED, PASSWORD_RESET_REQUESTED, EMAIL_CHANGE_REQUESTED, EMAIL_CHANGED, PASSWORD_CHANGED, TERMS_VERSION_PUBLISHED);

    /** Contact data and account-security links: no dead-letter copy, restricted by ACL in production. */
    private static final Set<String> INTERNAL_TOPICS = Set.of(COMMUNITY_MEMBER_CONTACTS_TOPIC,
            COMMUNITY_ACCOUNT_SECURITY_TOPIC);

    /** Latest value per key matters; a tombstone (null value) means "forget this key". */
    private static final Set<String> COMPACTED_TOPICS = Set.of(COMMUNITY_MEMBER_CONTACTS_TOPIC);

    /** Suffix of the dead-letter topic that receives a topic's poison messages. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static boolean isInternal(String topic) {
        return INTERNAL_TOPICS.contains(topic);
    }

    public static boolean isCompacted(String topic) {
        return COMPACTED_TOPICS.contains(topic);
    }

    /** The topics of all types and the internal topics, without duplicates. */
    public static List<String> topics() {
        return Stream.concat(ALL.stream().map(EventType::topic), INTERNAL_TOPICS.stream().sorted()).distinct()
                .toList();
    }

    /** Every topic plus the dead-letter topic of each non-internal one. */
    public static List<String> topicsWithDeadLetters() {
        return topics().stream()
                .flatMap(t -> isInternal(t) ? Stream.of(t) : Stream.of(t, t + DEAD_LETTER_SUFFIX))
                .toList();
    }
}
