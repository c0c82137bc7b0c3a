package org.netzerocities.events.consumer;

import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads one document by its id alone. On a real MongoDB any query with an {@code _id} equality uses the
 * {@code _id} index; the embedded MongoDB-wire server uses it only for a find on {@code _id} and nothing
 * else: a count ({@code MongoTemplate.exists}) or an {@code _id} with other criteria scans the whole
 * collection, which on the per-event paths (processed-event marks, erasure checks) grows with every event and
 * member. So the other conditions are checked on the document read.
 */
public final class IdLookup {

    private IdLookup() {
    }

    /** The document {@code id} of {@code collection} with only {@code fields} (and its id), if it exists. */
    public static Optional<Document> byId(MongoTemplate mongo, String collection, Object id, String... fields) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("_id");
        for (String field : fields) {
            query.fields().include(field);
        }
        return Optional.ofNullable(mongo.findOne(query, Document.class, collection));
    }
}
