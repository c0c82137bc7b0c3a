package org.netzerocities.community.onboarding;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * A city's onboarding funnel, for its dashboard: one {@code $match}/{@code $group} over the members of the
 * city (indexed by city on a real MongoDB), never a load of every member.
 */
@Component
public class OnboardingFunnel {

    private final MongoTemplate mongo;

    OnboardingFunnel(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param joined    members of the city whose MemberJoined was consumed
     * @param onboarded of those, members with a complete profile who accepted the manifesto
     * @param activated of those, members who did at least one activation step (group, event, programme)
     */
    public record Funnel(long joined, long onboarded, long activated) {
    }

    public Funnel of(String city) {
        Aggregation funnel = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("city").is(city).and("joinedAt").ne(null)),
                Aggregation.group()
                        .count().as("joined")
                        .sum(ConditionalOperators.when(Criteria.where("onboarded").is(true)).then(1).otherwise(0))
                        .as("onboarded")
                        .sum(ConditionalOperators.when(Criteria.where("activated").is(true)).then(1).otherwise(0))
                        .as("activated"));
        Document result = mongo.aggregate(funnel, Onboarding.COLLECTION, Document.class).getUniqueMappedResult();
        return result == null ? new Funnel(0, 0, 0)
                : new Funnel(number(result, "joined"), number(result, "onboarded"), number(result, "activated"));
    }

    private static long number(Document result, String field) {
        return ((Number) result.get(field)).longValue();
    }
}
