package org.netzerocities.notification.delivery;

/**
 * Every kind of notification: its category (for preferences), whether it is critical (account and security
 * messages: sent whatever the preferences, digest and budget) and whether members must opt in to receive it
 * (announcements to a whole city, such as a new event matching their interests). The texts of kind {@code K} are
 * the keys {@code K.title} and {@code K.body} of {@code messages/notifications*.properties}.
 */
public enum Kind {

    WELCOME(Category.COMMUNITY),
    /** To a city's transition team: someone joined in their city. */
    NEW_MEMBER_IN_CITY(Category.COMMUNITY),
    FRONTRUNNER_REQUESTED(Category.COMMUNITY),
    FRONTRUNNER_GRANTED(Category.COMMUNITY),
    FRONTRUNNER_DECLINED(Category.COMMUNITY),
    ONBOARDING_COMPLETED(Category.COMMUNITY),
    /** A new manifesto version to accept again. */
    MANIFESTO_UPDATED(Category.COMMUNITY),
    /** New terms and privacy notice: an account matter every member is told of. */
    TERMS_UPDATED(Category.SYSTEM, true, false),
    CALL_TO_JOIN(Category.COMMUNITY, false, true),
    /** A new public group in the member's city and interests. */
    GROUP_CREATED(Category.COMMUNITY, false, true),
    /** To the facilitators who moderate a cohort's new peer group. */
    COHORT_GROUP_CREATED(Category.COMMUNITY),
    GROUP_JOIN_REQUESTED(Category.COMMUNITY),
    GROUP_JOIN_APPROVED(Category.COMMUNITY),
    GROUP_JOIN_DECLINED(Category.COMMUNITY),
    THREAD_REPLY(Category.COMMUNITY),
    MENTION(Category.COMMUNITY),
    POST_REPORTED(Category.COMMUNITY),
    POST_HIDDEN(Category.COMMUNITY),
    COLLABORATION_REQUESTED(Category.COMMUNITY),
    COLLABORATION_ACCEPTED(Category.COMMUNITY),
    COLLABORATION_DECLINED(Category.COMMUNITY),
    COLLABORATION_MORE_INFO(Category.COMMUNITY),

    /** A new event in the member's city on one of their interests. */
    EVENT_SCHEDULED(Category.EVENTS, false, true),
    EVENT_UPDATED(Category.EVENTS),
    EVENT_CANCELLED(Category.EVENTS),
    EVENT_REGISTRATION_CONFIRMED(Category.EVENTS),
    EVENT_REGISTRATION_WAITLISTED(Category.EVENTS),
    EVENT_REGISTRATION_PROMOTED(Category.EVENTS),
    EVENT_REGISTRATION_CANCELLED(Category.EVENTS),
    EVENT_REMINDER(Category.EVENTS),

    /** A new cohort open for enrolment in a language the member speaks. */
    COHORT_OPEN(Category.LEARNING, false, true),
    COHORT_UPDATED(Category.LEARNING),
    SESSION_SCHEDULED(Category.LEARNING),
    SESSION_MOVED(Category.LEARNING),
    LEARNER_ENROLLED(Category.LEARNING),
    LEARNER_WAITLISTED(Category.LEARNING),
    LEARNER_PROMOTED(Category.LEARNING),
    /** To a cohort's facilitators. */
    QUESTION_ASKED(Category.LEARNING),
    QUESTION_ANSWERED(Category.LEARNING),
    /** To a cohort's facilitators. */
    HOMEWORK_SUBMITTED(Category.LEARNING),
    HOMEWORK_ACCEPTED(Category.LEARNING),
    HOMEWORK_RETURNED(Category.LEARNING),
    MODULE_COMPLETED(Category.LEARNING),
    /** To a cohort's facilitators: one of their learners completed a module. */
    LEARNER_MODULE_COMPLETED(Category.LEARNING),
    CERTIFICATE_ISSUED(Category.LEARNING),
    CERTIFICATE_REVOKED(Category.LEARNING),

    CHANNEL_CREDENTIAL_EXPIRING(Category.CAMPAIGNS),
    CHANNEL_TEAM_APPOINTED(Category.CAMPAIGNS),
    CHANNEL_TEAM_REMOVED(Category.CAMPAIGNS),
    CHANNEL_DORMANT(Category.CAMPAIGNS),
    CALL_TO_ACTION(Category.CAMPAIGNS),
    CAMPAIGN_POST_SUBMITTED(Category.CAMPAIGNS),
    CAMPAIGN_POST_APPROVED(Category.CAMPAIGNS),
    CAMPAIGN_POST_REJECTED(Category.CAMPAIGNS),
    CAMPAIGN_POST_PUBLISH_FAILED(Category.CAMPAIGNS),
    /** To a city's transition team. */
    ENGAGEMENT_PLAN_SHARED(Category.CAMPAIGNS),

    /** The daily digest email itself. */
    DIGEST(Category.SYSTEM);

    private final Category category;
    private final boolean critical;
    private final boolean optIn;

    Kind(Category category) {
        this(category, false, false);
    }

    Kind(Category category, boolean critical, boolean optIn) {
        this.category = category;
        this.critical = critical;
        this.optIn = optIn;
    }

    public Category category() {
        return category;
    }

    /** Sent on every channel it has, whatever the member's preferences, digest, budget or quiet hours. */
    public boolean critical() {
        return critical;
    }

    /** Off on every channel unless the member opted in to it. */
    public boolean optIn() {
        return optIn;
    }
}
