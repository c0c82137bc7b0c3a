package org.netzerocities.community.metrics;

import org.netzerocities.community.member.Member;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.CallToJoinLaunched;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.OnboardingCompleted;
import org.netzerocities.events.contract.community.PostPublished;
import org.netzerocities.events.outbox.BusinessCounter;
import org.netzerocities.events.outbox.MemberCity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The community's stages of the mission funnel per city (calls to join, joins, onboarded members; posts stand
 * for active members) for the dashboards: counted from the events community-service publishes.
 */
@Configuration(proxyBeanMethods = false)
class MissionFigures {

    @Bean
    BusinessCounter<CallToJoinLaunched> callsLaunched() {
        return new BusinessCounter<>(EventCatalog.CALL_TO_JOIN_LAUNCHED, "nzc.mission.calls.launched",
                "Local calls to join launched", launched -> MemberCity.of(launched.city()));
    }

    @Bean
    BusinessCounter<MemberJoined> membersJoined() {
        return new BusinessCounter<>(EventCatalog.MEMBER_JOINED, "nzc.mission.members.joined",
                "Citizens who joined the platform", joined -> MemberCity.of(joined.city()));
    }

    @Bean
    BusinessCounter<OnboardingCompleted> membersOnboarded() {
        return new BusinessCounter<>(EventCatalog.ONBOARDING_COMPLETED, "nzc.mission.members.onboarded",
                "Members who completed their onboarding", completed -> MemberCity.of(completed.city()));
    }

    @Bean
    BusinessCounter<PostPublished> postsPublished(MongoTemplate mongo) {
        var authorsCity = new MemberCity(mongo, Member.COLLECTION);
        return new BusinessCounter<>(EventCatalog.POST_PUBLISHED, "nzc.mission.posts.published",
                "Posts published on the boards, by the author's city", published -> authorsCity.apply(
                        published.authorId()));
    }
}
