package org.netzerocities.events.outbox;

import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.micrometer.core.instrument.Tags;

/**
 * The city tag of a {@link BusinessCounter} whose event names a member but not their city: read from the
 * service's own copy of the member (one indexed read of a single field), {@value #UNKNOWN} once it is gone.
 */
public final class MemberCity implements Function<String, Tags> {

    public static final String UNKNOWN = "unknown";

    private final MongoTemplate mongo;
    private final String collection;

    /** @param collection the documents with the member id as {@code _id} and a {@code city} field */
    public MemberCity(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** The {@code city} tag of a city id that may be missing. */
    public static Tags of(String city) {
        return Tags.of("city", city == null || city.isBlank() ? UNKNOWN : city);
    }

    @Override
    public Tags apply(String memberId) {
        Document found = mongo.getCollection(collection).find(Filters.eq("_id", memberId))
                .projection(Projections.include("city")).first();
        return of(found == null ? null : found.getString("city"));
    }
}
