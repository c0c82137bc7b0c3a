package org.netzerocities.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netzerocities.notification.contact.MemberContact.CityRole;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClients;

/** Each audience is one query on the projection: who is in it and, as much, who is not. */
class AudiencesTest {

    static final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "audiences-test");

    final Audiences audiences = new Audiences(mongo);

    @BeforeEach
    void emptyProjection() {
        mongo.remove(new Query(), MemberContact.class);
    }

    @Test
    void aCitysMembersAreThoseWhoseProfilePlacesThemThere() {
        save("ana", "cluj-napoca", List.of(), List.of(), List.of());
        save("ben", "cluj-napoca", List.of(), List.of(), List.of());
        save("eva", "lyon", List.of(), List.of(), List.of());
        contactOnly("kim");

        assertThat(audiences.ofCity("cluj-napoca")).containsExactlyInAnyOrder("ana", "ben");
        assertThat(audiences.ofCity(null)).isEmpty();
        assertThat(audiences.everyone()).containsExactlyInAnyOrder("ana", "ben", "eva", "kim");
    }

    @Test
    void aCitysTransitionTeamHoldsTheRoleForThatCityNotAnother() {
        save("ana", "cluj-napoca", List.of(), List.of(), List.of(new CityRole(Audiences.TRANSITION_TEAM, "cluj-napoca")));
        save("ben", "cluj-napoca", List.of(), List.of(), List.of(new CityRole("FRONTRUNNER", "cluj-napoca")));
        // lives in Cluj but sits on Lyon's team, and a Lyon member on Cluj's
        save("eva", "cluj-napoca", List.of(), List.of(), List.of(new CityRole(Audiences.TRANSITION_TEAM, "lyon")));
        save("kim", "lyon", List.of(), List.of(), List.of(new CityRole("FRONTRUNNER", "lyon"),
                new CityRole(Audiences.TRANSITION_TEAM, "cluj-napoca")));
        // the role of one city and the city of another role must not combine into a match
        save("lou", "lyon", List.of(), List.of(), List.of(new CityRole(Audiences.TRANSITION_TEAM, "lyon"),
                new CityRole("FRONTRUNNER", "cluj-napoca")));

        assertThat(audiences.withCityRole("cluj-napoca", Audiences.TRANSITION_TEAM))
                .containsExactlyInAnyOrder("ana", "kim");
        assertThat(audiences.withCityRole(null, Audiences.TRANSITION_TEAM)).isEmpty();
    }

    @Test
    void interestedMembersShareATopicAndLiveInTheCity() {
        save("ana", "cluj-napoca", List.of(), List.of("energy", "mobility"), List.of());
        save("ben", "cluj-napoca", List.of(), List.of("food"), List.of());
        save("eva", "lyon", List.of(), List.of("energy"), List.of());

        assertThat(audiences.ofCityInterestedIn("cluj-napoca", List.of("energy", "housing"))).containsExactly("ana");
        assertThat(audiences.ofCityInterestedIn("cluj-napoca", List.of())).isEmpty();
        assertThat(audiences.ofCityInterestedIn(null, List.of("energy"))).isEmpty();
    }

    @Test
    void speakersHaveTheLanguageAmongTheirs() {
        save("ana", "cluj-napoca", List.of("ro", "en"), List.of(), List.of());
        save("ben", "lyon", List.of("fr"), List.of(), List.of());

        assertThat(audiences.speaking("en")).containsExactly("ana");
        assertThat(audiences.speaking(null)).isEmpty();
    }

    private static void save(String id, String city, List<String> languages, List<String> interests,
            List<CityRole> roles) {
        mongo.insert(new MemberContact(id, null, null, null, null, "Member " + id, city, languages, interests, true,
                roles));
    }

    private static void contactOnly(String id) {
        mongo.insert(new MemberContact(id, id + "@example.org", true, "en", "Europe/Paris", null, null, null, null,
                null, null));
    }

}
