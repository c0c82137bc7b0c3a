package org.netzerocities.notification.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * The audiences defined by member data, resolved from the {@link MemberContact} projection: each is ONE query that
 * returns member ids only (a city of 10,000 members is one scan, not 10,000 look-ups, and no document is mapped).
 * Erased members are not in it: the projection forgets them.
 */
@Component
public class Audiences {

    /** The city role community-service grants a city's transition team. */
    public static final String TRANSITION_TEAM = "TRANSITION_TEAM";

    private final MongoTemplate mongo;

    public Audiences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every member this service knows of. */
    public List<String> everyone() {
        return ids(new Document());
    }

    /** The members whose profile places them in {@code city}. */
    public List<String> ofCity(String city) {
        return city == null ? List.of() : ids(Filters.eq("city", city));
    }

    /** The members holding {@code role} for {@code city} (e.g. {@link #TRANSITION_TEAM}). */
    public List<String> withCityRole(String city, String role) {
        return city == null ? List.of()
                : ids(Filters.elemMatch("cityRoles", Filters.and(Filters.eq("role", role), Filters.eq("city", city))));
    }

    /** The members of {@code city} interested in at least one of {@code topics}; none when there is no topic. */
    public List<String> ofCityInterestedIn(String city, Collection<String> topics) {
        if (city == null || topics == null || topics.isEmpty()) {
            return List.of();
        }
        return ids(Filters.and(Filters.eq("city", city), Filters.in("interests", topics)));
    }

    /** The members who speak {@code language} (one of their profile's languages). */
    public List<String> speaking(String language) {
        return language == null ? List.of() : ids(Filters.eq("languages", language));
    }

    private List<String> ids(Bson filter) {
        List<String> ids = new ArrayList<>();
        mongo.getCollection(ContactProjection.COLLECTION).find(filter).projection(Projections.include("_id"))
                .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
