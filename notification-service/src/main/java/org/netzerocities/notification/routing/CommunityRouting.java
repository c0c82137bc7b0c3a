package org.netzerocities.notification.routing;

import static org.netzerocities.notification.contact.Audiences.TRANSITION_TEAM;

import java.util.List;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.CallToJoinLaunched;
import org.netzerocities.events.contract.community.CollaborationAnswered;
import org.netzerocities.events.contract.community.CollaborationRequested;
import org.netzerocities.events.contract.community.FrontrunnerRequestAnswered;
import org.netzerocities.events.contract.community.FrontrunnerRequested;
import org.netzerocities.events.contract.community.GroupCreated;
import org.netzerocities.events.contract.community.GroupJoinAnswered;
import org.netzerocities.events.contract.community.GroupJoinRequested;
import org.netzerocities.events.contract.community.ManifestoVersionPublished;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberMentioned;
import org.netzerocities.events.contract.community.OnboardingCompleted;
import org.netzerocities.events.contract.community.PostHidden;
import org.netzerocities.events.contract.community.PostReported;
import org.netzerocities.events.contract.community.TermsVersionPublished;
import org.netzerocities.events.contract.community.ThreadReplied;
import org.netzerocities.notification.contact.Audiences;
import org.netzerocities.notification.delivery.Kind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who hears of community-service's membership, group, thread and collaboration events. */
@Configuration(proxyBeanMethods = false)
class CommunityRouting {

    /** The new member is welcomed, and their city's transition team learns of them. */
    @Bean
    EventHandler<MemberJoined> routeMemberJoined(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.MEMBER_JOINED, (joined, event) -> notifier.send(event,
                Notice.to(Kind.WELCOME, joined.memberId(), "/onboarding").with("displayName", joined.displayName()),
                Notice.of(Kind.NEW_MEMBER_IN_CITY, audiences.withCityRole(joined.city(), TRANSITION_TEAM),
                        "/community/cities/" + joined.city() + "/dashboard")
                        .with("displayName", joined.displayName(), "city", joined.city()).notTo(joined.memberId())));
    }

    @Bean
    EventHandler<FrontrunnerRequested> routeFrontrunnerRequested(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.FRONTRUNNER_REQUESTED, (requested, event) -> notifier.send(event,
                Notice.of(Kind.FRONTRUNNER_REQUESTED, audiences.withCityRole(requested.city(), TRANSITION_TEAM),
                        "/community/frontrunner-requests/" + requested.requestId())
                        .with("displayName", requested.displayName()).notTo(requested.memberId())));
    }

    @Bean
    EventHandler<FrontrunnerRequestAnswered> routeFrontrunnerRequestAnswered(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.FRONTRUNNER_REQUEST_ANSWERED, (answered, event) -> notifier.send(event,
                Notice.to("GRANTED".equals(answered.answer()) ? Kind.FRONTRUNNER_GRANTED : Kind.FRONTRUNNER_DECLINED,
                        answered.memberId(), "/community/frontrunner-requests/" + answered.requestId())
                        .notTo(answered.answeredBy())));
    }

    @Bean
    EventHandler<OnboardingCompleted> routeOnboardingCompleted(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.ONBOARDING_COMPLETED, (completed, event) -> notifier.send(event,
                Notice.to(Kind.ONBOARDING_COMPLETED, completed.memberId(), "/community/groups")));
    }

    @Bean
    EventHandler<ManifestoVersionPublished> routeManifestoVersionPublished(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.MANIFESTO_VERSION_PUBLISHED, (published, event) -> {
            if (replacesAnEarlierVersion(published.version())) {
                notifier.send(event, Notice.of(Kind.MANIFESTO_UPDATED, audiences.everyone(), "/onboarding")
                        .with("version", published.version(), "summary", published.summary()));
            }
        });
    }

    @Bean
    EventHandler<TermsVersionPublished> routeTermsVersionPublished(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.TERMS_VERSION_PUBLISHED, (published, event) -> {
            if (replacesAnEarlierVersion(published.version())) {
                notifier.send(event, Notice.of(Kind.TERMS_UPDATED, audiences.everyone(), "/terms")
                        .with("version", published.version(), "summary", published.summary()));
            }
        });
    }

    /**
     * Version 1 is the one community-service seeds at its first start: nobody accepted an earlier one, and members
     * who join accept the version in force, so there is nothing to accept again (when this service reads the event
     * late, members who joined since would otherwise be asked).
     */
    private static boolean replacesAnEarlierVersion(int version) {
        return version > 1;
    }

    /** Announced to the whole city; the kind is opt-in, so only those who asked for it receive it. */
    @Bean
    EventHandler<CallToJoinLaunched> routeCallToJoinLaunched(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.CALL_TO_JOIN_LAUNCHED, (call, event) -> notifier.send(event,
                Notice.of(Kind.CALL_TO_JOIN, audiences.ofCity(call.city()), "/community/calls/" + call.code())
                        .with("title", call.title(), "closesAt", call.closesAt()).notTo(call.launchedBy())));
    }

    /**
     * A cohort's peer group (created by community-service for the cohort) is news to its moderators, the
     * facilitators; a member's own group is not news to its only moderator, its creator, but a public one is
     * announced to the city's members interested in its topic (opt-in).
     */
    @Bean
    EventHandler<GroupCreated> routeGroupCreated(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.GROUP_CREATED, (group, event) -> {
            String link = "/community/groups/" + group.groupId();
            if (group.cohortId() != null) {
                notifier.send(event, Notice.of(Kind.COHORT_GROUP_CREATED, group.moderatorIds(), link)
                        .with("groupName", group.name()));
            }
            else if ("PUBLIC".equals(group.visibility()) && group.topic() != null) {
                notifier.send(event, Notice.of(Kind.GROUP_CREATED,
                        audiences.ofCityInterestedIn(group.city(), List.of(group.topic())), link)
                        .with("groupName", group.name(), "topic", group.topic()).notTo(group.moderatorIds()));
            }
        });
    }

    @Bean
    EventHandler<GroupJoinRequested> routeGroupJoinRequested(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.GROUP_JOIN_REQUESTED, (requested, event) -> notifier.send(event,
                Notice.of(Kind.GROUP_JOIN_REQUESTED, requested.moderatorIds(),
                        "/community/groups/" + requested.groupId() + "/join-requests")
                        .with("groupName", requested.groupName()).notTo(requested.memberId())));
    }

    @Bean
    EventHandler<GroupJoinAnswered> routeGroupJoinAnswered(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.GROUP_JOIN_ANSWERED, (answered, event) -> notifier.send(event,
                Notice.to("APPROVED".equals(answered.answer()) ? Kind.GROUP_JOIN_APPROVED : Kind.GROUP_JOIN_DECLINED,
                        answered.memberId(), "/community/groups/" + answered.groupId())
                        .with("groupName", answered.groupName())));
    }

    @Bean
    EventHandler<ThreadReplied> routeThreadReplied(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.THREAD_REPLIED, (replied, event) -> notifier.send(event,
                Notice.of(Kind.THREAD_REPLY, replied.participantIds(), postLink(replied.threadId(), replied.postId()))
                        .with("threadTitle", replied.threadTitle()).notTo(replied.authorId())));
    }

    @Bean
    EventHandler<MemberMentioned> routeMemberMentioned(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.MEMBER_MENTIONED, (mentioned, event) -> notifier.send(event,
                Notice.to(Kind.MENTION, mentioned.mentionedMemberId(),
                        postLink(mentioned.threadId(), mentioned.postId()))
                        .with("threadTitle", mentioned.threadTitle()).notTo(mentioned.authorId())));
    }

    @Bean
    EventHandler<PostReported> routePostReported(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.POST_REPORTED, (reported, event) -> notifier.send(event,
                Notice.of(Kind.POST_REPORTED, reported.moderatorIds(),
                        postLink(reported.threadId(), reported.postId()))));
    }

    @Bean
    EventHandler<PostHidden> routePostHidden(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.POST_HIDDEN, (hidden, event) -> notifier.send(event,
                Notice.to(Kind.POST_HIDDEN, hidden.authorId(), "/community/threads/" + hidden.threadId())
                        .with("reason", hidden.reason()).notTo(hidden.moderatorId())));
    }

    @Bean
    EventHandler<CollaborationRequested> routeCollaborationRequested(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.COLLABORATION_REQUESTED, (requested, event) -> notifier.send(event,
                Notice.of(Kind.COLLABORATION_REQUESTED, audiences.withCityRole(requested.city(), TRANSITION_TEAM),
                        collaborationLink(requested.requestId()))
                        .with("topic", requested.topic()).notTo(requested.memberId())));
    }

    @Bean
    EventHandler<CollaborationAnswered> routeCollaborationAnswered(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.COLLABORATION_ANSWERED, (answered, event) -> notifier.send(event,
                Notice.to(switch (String.valueOf(answered.answer())) {
                    case "ACCEPTED" -> Kind.COLLABORATION_ACCEPTED;
                    case "DECLINED" -> Kind.COLLABORATION_DECLINED;
                    default -> Kind.COLLABORATION_MORE_INFO;
                }, answered.memberId(), collaborationLink(answered.requestId())).notTo(answered.answeredBy())));
    }

    private static String postLink(String threadId, String postId) {
        return "/community/threads/" + threadId + "?post=" + postId;
    }

    private static String collaborationLink(String requestId) {
        return "/community/collaboration-requests/" + requestId;
    }
}
