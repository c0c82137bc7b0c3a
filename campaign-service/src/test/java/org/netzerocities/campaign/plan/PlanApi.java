package org.netzerocities.campaign.plan;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.netzerocities.campaign.audience.Citizen;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/** What engagement-plan tests share: frontrunners campaigns know, tokens with city grants, a plan written. */
abstract class PlanApi extends ConsumingServiceTest {

    @Autowired
    MongoTemplate mongo;

    /** A city id no other test uses. */
    static String freshCity() {
        return "city-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A member of {@code city} campaigns know, as if their MemberJoined had been projected. */
    String citizenOf(String city) {
        String memberId = UUID.randomUUID().toString();
        mongo.insert(new Citizen(memberId, "Ana " + memberId.substring(0, 4), city, List.of("sv"), List.of(),
                Instant.now()));
        return memberId;
    }

    static RequestPostProcessor holding(String memberId, String role, String city) {
        return jwt().jwt(token -> token.subject(memberId).claim("roles", List.of("MEMBER"))
                .claim("grants", List.of(Map.of("role", role, "city", city))));
    }

    static RequestPostProcessor frontrunner(String memberId, String city) {
        return holding(memberId, "FRONTRUNNER", city);
    }

    static RequestPostProcessor transitionTeam(String city) {
        return holding(UUID.randomUUID().toString(), "TRANSITION_TEAM", city);
    }

    static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()).claim("roles", List.of("ADMIN")));
    }

    static String newPlan(String title) {
        return """
                {"title":"%s","goals":"Reach 200 neighbours","audience":"Pensioners",
                 "channels":["Instagram @ana","Library evenings"],
                 "actions":[{"title":"First talk","dueOn":"%s"},{"title":"Second talk","dueOn":"%s"}],
                 "contentLinks":["https://netzerocities.eu/mission"]}""".formatted(title, today().plusDays(7),
                today().plusDays(14));
    }

    ResultActions create(String memberId, String city, String body) throws Exception {
        return http.perform(post("/api/campaigns/engagement-plans").with(frontrunner(memberId, city))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A plan written by the frontrunner; returns its id. */
    String plan(String memberId, String city) throws Exception {
        return JsonPath.read(create(memberId, city, newPlan("Talks at the library")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    String firstActionId(String planId) {
        return mongo.findById(planId, EngagementPlan.class).actions().get(0).id();
    }
}
