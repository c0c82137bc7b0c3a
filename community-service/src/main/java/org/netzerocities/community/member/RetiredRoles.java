package org.netzerocities.community.member;

import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Data stored before channel appointments left the role list may still grant LEADERSHIP_TEAM or
 * STEERING_COMMITTEE, which no longer exist: such a member could not be read. One pass at start-up removes
 * them; it changes nothing the second time, so every instance may run it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetiredRoles implements ApplicationRunner {

    static final List<String> RETIRED = List.of("LEADERSHIP_TEAM", "STEERING_COMMITTEE");
    private static final Logger log = LoggerFactory.getLogger(RetiredRoles.class);

    private final MongoTemplate mongo;

    RetiredRoles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        long changed = mongo.updateMulti(Query.query(Criteria.where("roles.role").in(RETIRED)),
                new Update().pull("roles", new Document("role", new Document("$in", RETIRED))), Member.class)
                .getModifiedCount();
        if (changed > 0) {
            log.info("Removed retired channel roles from {} members: channel teams are kept by campaign-service",
                    changed);
        }
    }
}
