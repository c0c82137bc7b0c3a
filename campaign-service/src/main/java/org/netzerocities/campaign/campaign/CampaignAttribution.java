package org.netzerocities.campaign.campaign;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * New members count towards the campaign whose tracked reference their join link carried. The attribution's id is
 * derived from the event, and the member id is unique: a redelivered or replayed MemberJoined counts nothing
 * more, even on two instances at once. A reference no campaign has (a typo in a link, an old link) attributes
 * nothing. An erased member's late redelivery is not counted again ({@link RefusedMembers}).
 */
@Configuration(proxyBeanMethods = false)
class CampaignAttribution {

    private static final Logger log = LoggerFactory.getLogger(CampaignAttribution.class);

    @Bean
    EventHandler<MemberJoined> campaignAttributionOnMemberJoined(MongoTemplate mongo, RefusedMembers refused) {
        return EventHandler.on(EventCatalog.MEMBER_JOINED, (joined, event) -> {
            if (joined.campaignRef() == null || refused.wasErased(joined.memberId())) {
                return;
            }
            Campaign campaign = mongo.findOne(Query.query(Criteria.where(Campaign.CAMPAIGN_REF)
                    .is(joined.campaignRef())), Campaign.class);
            if (campaign == null) {
                log.debug("Member {} joined with a campaign reference no campaign has", joined.memberId());
                return;
            }
            try {
                mongo.insert(new Attribution(event.id(), joined.memberId(), campaign.id(), joined.joinedAt()));
                log.info("Member {} attributed to campaign {}", joined.memberId(), campaign.id());
            }
            catch (DuplicateKeyException alreadyCounted) {
                log.debug("Member {} was attributed already", joined.memberId());
            }
        });
    }

    /** How many members joined through the campaign. */
    static long attributed(MongoTemplate mongo, String campaignId) {
        return mongo.count(Query.query(Criteria.where(Attribution.CAMPAIGN_ID).is(campaignId)), Attribution.class);
    }
}
