package org.netzerocities.community.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The shared board through the API, against the real broker and database. Its cities: aarhus, sonderborg. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class PinBoardTest {

    @Autowired
    MockMvc http;
    @Autowired
    Pins pins;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aMemberPinsTheirContentToTheirCitysBoardAndItIsAnnouncedKeyedByThePin() throws Exception {
        Registered ana = api().register("Ana", "aarhus");

        String body = pin(ana.token(), """
                {"kind":"SOCIAL_POST","title":"Our repair café","description":"One year on.\\nThanks all",
                 "url":"HTTPS://WWW.Instagram.COM/p/C0ffee/?img_index=1","tags":["#Repair Café","Energy","energy"]}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/community/pins/")))
                .andExpect(jsonPath("$.city").value("aarhus"))
                .andExpect(jsonPath("$.memberId").value(ana.id()))
                .andExpect(jsonPath("$.url").value("https://www.instagram.com/p/C0ffee/?img_index=1"))
                .andExpect(jsonPath("$.tags").value(Matchers.contains("repair-café", "energy")))
                .andExpect(jsonPath("$.description").value("One year on.\nThanks all"))
                .andExpect(jsonPath("$.featured").value(false))
                .andReturn().getResponse().getContentAsString();
        String pinId = JsonPath.read(body, "$.id");

        var published = TopicReader.read(bootstrap(), EventCatalog.COMMUNITY_PINS_TOPIC,
                record -> pinId.equals(record.key()), 1, Duration.ofSeconds(20));
        assertThat(published).singleElement().satisfies(record -> {
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(EventCatalog.CONTENT_PINNED.type());
            assertThat(JsonPath.<String>read(record.value(), "$.memberId")).isEqualTo(ana.id());
            assertThat(JsonPath.<String>read(record.value(), "$.city")).isEqualTo("aarhus");
            assertThat(JsonPath.<String>read(record.value(), "$.url"))
                    .isEqualTo("https://www.instagram.com/p/C0ffee/?img_index=1");
            assertThat(JsonPath.<List<String>>read(record.value(), "$.tags")).containsExactly("repair-café", "energy");
        });
        http.perform(get("/api/community/pins/{id}", pinId).with(bearer(ana.token()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Our repair café"));
    }

    @Test
    void theBoardShowsFeaturedPinsFirstThenNewestOfOneCityAndTag() throws Exception {
        Registered frontrunner = frontrunner("sonderborg");
        Registered member = api().register("Bo", "sonderborg");
        String team = teamOf("sonderborg");
        String tag = "board-" + System.nanoTime();
        String fromFrontrunner = pinId(frontrunner.token(), tag, null);
        String older = pinId(member.token(), tag, null);
        String newer = pinId(member.token(), tag, null);
        pinId(member.token(), "other-" + tag, null);
        String elsewhere = pinId(member.token(), tag, "aarhus");
        Instant now = Instant.now();
        pinnedAt(fromFrontrunner, now.minus(Duration.ofHours(3)));
        pinnedAt(older, now.minus(Duration.ofHours(2)));
        pinnedAt(newer, now.minus(Duration.ofHours(1)));

        feature(team, fromFrontrunner).andExpect(status().isOk()).andExpect(jsonPath("$.featured").value(true))
                .andExpect(jsonPath("$.featuredAt").exists());

        http.perform(get("/api/community/pins").param("city", "sonderborg").param("tag", "#" + tag.toUpperCase())
                        .with(bearer(member.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(fromFrontrunner, newer, older)));
        http.perform(get("/api/community/pins").param("tag", tag).param("size", "2").param("page", "1")
                        .with(bearer(member.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4));
        http.perform(get("/api/community/pins").param("tag", tag).param("size", "2").param("page", "0")
                        .with(bearer(member.token())))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(fromFrontrunner, elsewhere)));
        http.perform(get("/api/community/pins").param("tag", tag).param("size", "2").param("page", "1")
                        .with(bearer(member.token())))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(newer, older)));

        unfeature(team, fromFrontrunner).andExpect(status().isOk()).andExpect(jsonPath("$.featured").value(false));
        http.perform(get("/api/community/pins").param("city", "sonderborg").param("tag", tag)
                        .with(bearer(member.token())))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(newer, older, fromFrontrunner)));
    }

    @Test
    void onlyTheCitysTransitionTeamOrAnAdminFeaturesAndOnlyPinsOfItsFrontrunnersAndTeam() throws Exception {
        Registered frontrunner = frontrunner("sonderborg");
        Registered member = api().register("Bo", "sonderborg");
        Registered teamMember = api().register("Tia", "sonderborg");
        api().grant(teamMember.id(), "TRANSITION_TEAM", "sonderborg");
        String team = api().logIn(teamMember);
        String ofFrontrunner = pinId(frontrunner.token(), "energy", null);
        String ofTeam = pinId(team, "energy", null);
        String ofMember = pinId(member.token(), "energy", null);
        String frontrunnerElsewhere = pinId(frontrunner.token(), "energy", "aarhus");

        for (String notTheTeam : List.of(member.token(), api().logIn(frontrunner), teamOf("aarhus"))) {
            feature(notTheTeam, ofFrontrunner).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        http.perform(get("/api/community/pins/{id}", ofFrontrunner).with(bearer(member.token())))
                .andExpect(jsonPath("$.featured").value(false));

        feature(team, ofMember).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ApiProblem.TYPE_BASE + "not-featurable"));
        // a frontrunner of sonderborg is a plain member on aarhus's board
        feature(teamOf("aarhus"), frontrunnerElsewhere).andExpect(status().isConflict());
        feature(team, ofTeam).andExpect(status().isOk()).andExpect(jsonPath("$.featured").value(true));
        feature(api().admin(), ofFrontrunner).andExpect(status().isOk())
                .andExpect(jsonPath("$.featured").value(true));
        // a member who becomes a frontrunner later may be featured then: roles are read when featuring
        api().grant(member.id(), "FRONTRUNNER", "sonderborg");
        feature(team, ofMember).andExpect(status().isOk()).andExpect(jsonPath("$.featured").value(true));
    }

    @Test
    void onlyTheAuthorOrAnAdminRemovesAPin() throws Exception {
        Registered author = api().register("Ana", "aarhus");
        Registered other = api().register("Bo", "aarhus");
        String first = pinId(author.token(), "energy", null);
        String second = pinId(author.token(), "energy", null);

        for (String notTheAuthor : List.of(other.token(), teamOf("aarhus"))) {
            http.perform(delete("/api/community/pins/{id}", first).with(bearer(notTheAuthor)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        http.perform(get("/api/community/pins/{id}", first).with(bearer(other.token()))).andExpect(status().isOk());

        http.perform(delete("/api/community/pins/{id}", first).with(bearer(author.token())))
                .andExpect(status().isNoContent());
        http.perform(delete("/api/community/pins/{id}", second).with(bearer(api().admin())))
                .andExpect(status().isNoContent());
        for (String id : List.of(first, second)) {
            http.perform(get("/api/community/pins/{id}", id).with(bearer(author.token())))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void aMembersPinsAreInTheirExportAndGoWithTheirAccount() throws Exception {
        Registered author = api().register("Ana", "aarhus");
        String id = pinId(author.token(), "energy", null);
        http.perform(get("/api/community/members/me/export").with(bearer(author.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.pins[*].id").value(Matchers.contains(id)));

        http.perform(delete("/api/community/members/me").with(bearer(author.token())))
                .andExpect(status().isNoContent());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pins.export(author.id())).isEmpty());
    }

    /** At the default quota, 30 pins per 24 h: a member cannot flood the boards. */
    @Test
    void aMemberWhoPinnedThirtyTimesInADayIsRefused429UntilTheDayIsOverAndOthersAreNot() throws Exception {
        Registered ana = api().register("Ana", "aarhus");
        for (int i = 0; i < 30; i++) {
            pinId(ana.token(), "energy", null);
        }

        pin(ana.token(), """
                {"kind":"RESOURCE","title":"One more","url":"https://example.org/more"}""")
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ApiProblem.TYPE_BASE + "too-many-pins"))
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("86[34]\\d\\d")));
        assertThat(pins.export(ana.id())).hasSize(30);
        pinId(api().register("Bo", "aarhus").token(), "energy", null);
    }

    /** Pins made one after the other may share a millisecond: the test sets their order. */
    private void pinnedAt(String id, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update(Pin.PINNED_AT, at), Pin.class);
    }

    private ResultActions pin(String token, String body) throws Exception {
        return http.perform(json(post("/api/community/pins"), body).with(bearer(token)));
    }

    private String pinId(String token, String tag, String city) throws Exception {
        String body = pin(token, """
                {"kind":"RESOURCE","title":"A guide","url":"https://example.org/guide","tags":["%s"]%s}"""
                .formatted(tag, city == null ? "" : ",\"city\":\"" + city + "\""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private ResultActions feature(String token, String id) throws Exception {
        return http.perform(post("/api/community/pins/{id}/featured", id).with(bearer(token)));
    }

    private ResultActions unfeature(String token, String id) throws Exception {
        return http.perform(delete("/api/community/pins/{id}/featured", id).with(bearer(token)));
    }

    /** A frontrunner of {@code city}, with the token that says so. */
    private Registered frontrunner(String city) throws Exception {
        Registered member = api().register("Fran", city);
        api().grant(member.id(), "FRONTRUNNER", city);
        return new Registered(member.id(), member.email(), api().logIn(member));
    }

    private String teamOf(String city) throws Exception {
        Registered member = api().register("Team", city);
        api().grant(member.id(), "TRANSITION_TEAM", city);
        return api().logIn(member);
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }

    private String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
