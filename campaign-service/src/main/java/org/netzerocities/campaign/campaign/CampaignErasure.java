package org.netzerocities.campaign.campaign;

import java.util.UUID;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What campaigns hold on a member, in their data export, and how it goes with their account. Their responses to
 * calls to action are theirs and are removed. Campaigns and posts they authored or reviewed belong to the
 * channel (published posts are public on Instagram already), so they stay, without the member's id: the id is
 * cleared and the version bumped, so a save from a copy read before cannot bring it back. An attribution keeps
 * its count under an id that names no one. Erasing again changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class CampaignErasure {

    private static final Logger log = LoggerFactory.getLogger(CampaignErasure.class);
    private static final String VERSION = "version";

    @Bean
    PersonalData campaignsLaunchedByMember(MongoTemplate mongo) {
        return new PersonalData("campaignsLaunched", memberId -> mongo.find(Query.query(
                Criteria.where(Campaign.CREATED_BY).is(memberId)).with(Sort.by(Campaign.STARTS_AT, "_id")),
                Campaign.class).stream().map(CampaignView::of).toList());
    }

    @Bean
    PersonalData campaignPostsOfMember(MongoTemplate mongo) {
        return new PersonalData("campaignPosts", memberId -> mongo.find(Query.query(new Criteria().orOperator(
                Criteria.where(CampaignPost.AUTHOR_ID).is(memberId), Criteria.where(CampaignPost.REVIEWER_ID)
                        .is(memberId))).with(Sort.by(CampaignPost.CREATED_AT, "_id")), CampaignPost.class)
                .stream().map(post -> PostView.of(post, null)).toList());
    }

    @Bean
    PersonalData callToActionResponsesOfMember(MongoTemplate mongo) {
        return new PersonalData("callToActionResponses", memberId -> mongo.find(Query.query(
                Criteria.where(CallToActionResponse.MEMBER_ID).is(memberId)), CallToActionResponse.class).stream()
                .map(ResponseView::of)
                .toList());
    }

    @Bean
    EventHandler<MemberErased> campaignsOfErasedMember(MongoTemplate mongo) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> {
            String memberId = erased.memberId();
            long responses = mongo.remove(Query.query(Criteria.where(CallToActionResponse.MEMBER_ID).is(memberId)),
                    CallToActionResponse.class).getDeletedCount();
            long campaigns = clear(mongo, Campaign.class, Campaign.CREATED_BY, memberId);
            long posts = clear(mongo, CampaignPost.class, CampaignPost.AUTHOR_ID, memberId)
                    + clear(mongo, CampaignPost.class, CampaignPost.REVIEWER_ID, memberId);
            mongo.updateFirst(Query.query(Criteria.where(Attribution.MEMBER_ID).is(memberId)),
                    Update.update(Attribution.MEMBER_ID, Attribution.ERASED_PREFIX + UUID.randomUUID()),
                    Attribution.class);
            if (responses + campaigns + posts > 0) {
                log.info("Erased member {}: {} call-to-action responses removed, authorship of {} campaigns and {} "
                        + "posts cleared", memberId, responses, campaigns, posts);
            }
        });
    }

    private static long clear(MongoTemplate mongo, Class<?> type, String field, String memberId) {
        return mongo.updateMulti(Query.query(Criteria.where(field).is(memberId)),
                new Update().unset(field).inc(VERSION, 1), type).getModifiedCount();
    }
}
