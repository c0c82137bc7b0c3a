package org.netzerocities.notification.email;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Addresses the mail server refused for good (a 5xx reply, an invalid address): emails to them are skipped until
 * the member's address changes. Marked by a keyed hash of the address ({@link SigningKey}), never the address in
 * clear, so the marks hold no contact data and a changed address is simply another, unmarked one.
 */
@Component
class FailingAddresses {

    static final String COLLECTION = "email_failing_addresses";
    private static final String PURPOSE = "address";

    private final MongoTemplate mongo;
    private final SigningKey key;
    private final Clock clock;

    FailingAddresses(MongoTemplate mongo, SigningKey key, Clock clock) {
        this.mongo = mongo;
        this.key = key;
        this.clock = clock;
    }

    boolean isMarked(String address) {
        return mongo.exists(byAddress(address), COLLECTION);
    }

    /** @param reason the SMTP reply code or "invalid address": no part of the address */
    void mark(String address, String reason) {
        mongo.upsert(byAddress(address), new Update().set("reason", reason).set("markedAt", clock.instant())
                .inc("failures", 1), COLLECTION);
    }

    /** A send to the address went through after all (account emails are tried even to marked addresses). */
    void clear(String address) {
        mongo.remove(byAddress(address), COLLECTION);
    }

    private Query byAddress(String address) {
        return Query.query(Criteria.where("_id").is(hash(address)));
    }

    private String hash(String address) {
        return HexFormat.of().formatHex(key.mac(PURPOSE, address.strip().toLowerCase(Locale.ROOT)));
    }
}

