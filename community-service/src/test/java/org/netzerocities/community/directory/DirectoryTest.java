package org.netzerocities.community.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.community.directory.Members.tag;
import static org.netzerocities.community.directory.Members.transitionTeam;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.directory.Members.Registered;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.netzerocities.community.member.Member;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** The directory against the real database and broker; each test has a city of its own. */
@SpringBootTest(properties = { "nzc.admin.email=" + Members.ADMIN_EMAIL, "nzc.admin.password=" + Members.ADMIN_PASSWORD })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class DirectoryTest {

    @Autowired
    MockMvc http;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    MongoTemplate mongo;

    @Test
    void onlyMembersWhoOptedInAreListedAndErasedOnesNever() throws Exception {
        Members members = new Members(http);
        Registered listed = members.register("Ana Listed", "elbasan", "[\"sq\"]", "[\"energy\"]", "");
        members.listed(listed, "Hello");
        Registered hidden = members.register("Ben Hidden", "elbasan", "[\"sq\"]", "[\"energy\"]", "");
        Registered erased = members.register("Cleo Erased", "elbasan", "[\"sq\"]", "[\"energy\"]", "");
        members.listed(erased, "Bye");
        members.erase(erased);

        String body = list(listed.token(), get("/api/community/members").param("city", "elbasan"));

        assertThat(JsonPath.<List<String>>read(body, "$.items[*].id")).containsExactly(listed.id())
                .doesNotContain(hidden.id(), erased.id());
        assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(1);
        assertThat(body).doesNotContain("@example.org").doesNotContain("email").doesNotContain("passwordHash");
        assertThat(JsonPath.<String>read(body, "$.items[0].bio")).isEqualTo("Hello");
        assertThat(JsonPath.<List<String>>read(body, "$.items[0].roles[*].role")).containsExactly("MEMBER");
    }

    /**
     * Another instance's change: written to the database behind this instance's back (no save here), it shows
     * in this instance's directory once the member event of that change arrives.
     */
    @Test
    void aChangeMadeByAnotherInstanceShowsWhenItsMemberEventArrives() throws Exception {
        Members members = new Members(http);
        Registered elsewhere = members.register("Ines Elsewhere", "limassol", "[\"el\"]", "[\"energy\"]", "");
        Registered reader = members.register("Reader", "limassol", "[\"el\"]", "[]", "");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(elsewhere.id())),
                Update.update(Member.DIRECTORY_VISIBLE, true).inc("version", 1), Member.COLLECTION);
        assertThat(ids(list(reader.token(), get("/api/community/members").param("city", "limassol"))))
                .as("not yet: nothing told this instance").isEmpty();

        TestEvents.publish(kafka, codec, TestEvents.event(codec, EventCatalog.MEMBER_PROFILE_UPDATED, elsewhere.id(),
                new MemberProfileUpdated(elsewhere.id(), "Ines Elsewhere", "limassol", null, List.of("el"),
                        List.of("energy"), "Asia/Nicosia", true, false, java.time.Instant.now())));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                ids(list(reader.token(), get("/api/community/members").param("city", "limassol"))))
                .containsExactly(elsewhere.id()));
    }

    @Test
    void aPrefixFindsWordsWhateverTheirAccentsAndCase() throws Exception {
        Members members = new Members(http);
        String tag = tag();
        Registered zoe = members.register("Zoë Zürich-Ruiz", "klagenfurt", "[\"de\"]", "[]", "");
        members.listed(zoe, "Working on heat pumps " + tag);
        String token = zoe.token();

        for (String q : List.of("zur " + tag, "ZÜR " + tag.substring(0, 6), "zoe ruiz " + tag, "heat PUMP " + tag,
                "zur.* " + tag)) {
            assertThat(ids(list(token, get("/api/community/members").param("q", q)))).as(q).containsExactly(zoe.id());
        }
        for (String q : List.of("urich " + tag, "zurichs " + tag, tag + "x", ".*", "(", "\\", "^$")) {
            assertThat(ids(list(token, get("/api/community/members").param("q", q)))).as(q).isEmpty();
        }
    }

    @Test
    void filtersCombine() throws Exception {
        Members members = new Members(http);
        Registered first = members.register("Ada First", "sarajevo", "[\"bs\"]", "[\"energy\"]", "");
        Registered second = members.register("Bo Second", "sarajevo", "[\"bs\",\"en\"]", "[\"mobility\"]", "");
        Registered third = members.register("Cy Third", "sarajevo", "[\"en\"]", "[\"energy\"]", "");
        for (Registered member : List.of(first, second, third)) {
            members.listed(member, "Sarajevo");
        }
        members.grant(first.id(), "FRONTRUNNER");
        String token = third.token();

        assertThat(ids(list(token, sarajevo().param("topic", "Energy")))).containsExactly(first.id(), third.id());
        assertThat(ids(list(token, sarajevo().param("topic", "energy").param("language", "bs"))))
                .containsExactly(first.id());
        assertThat(ids(list(token, sarajevo().param("role", "FRONTRUNNER")))).containsExactly(first.id());
        assertThat(ids(list(token, sarajevo().param("role", "FRONTRUNNER").param("topic", "mobility")))).isEmpty();
        assertThat(ids(list(token, sarajevo().param("role", "MEMBER").param("language", "en"))))
                .containsExactly(second.id(), third.id());
        assertThat(ids(list(token, sarajevo().param("sort", "newest")))).containsExactly(third.id(), second.id(),
                first.id());
        assertThat(ids(list(token, get("/api/community/members").param("city", "elbasan").param("role", "FRONTRUNNER")
                .param("q", "sarajevo")))).as("frontrunner of another city").isEmpty();
    }

    @Test
    void theCitysTransitionTeamSeesItsFrontrunnersFirstWithTheirActivity() throws Exception {
        Members members = new Members(http);
        String tag = tag();
        Registered team = members.register("Tea Team", "gabrovo", "[\"bg\"]", "[]", "");
        Registered ada = members.register("Ada", "gabrovo", "[\"bg\"]", "[]", "");
        Registered ben = members.register("Ben", "gabrovo", "[\"bg\"]", "[]", "");
        Registered zed = members.register("Zed", "gabrovo", "[\"bg\"]", "[]", "");
        for (Registered member : List.of(ada, ben, zed)) {
            members.listed(member, tag);
        }
        members.grant(zed.id(), "FRONTRUNNER");
        TestEvents.publish(kafka, codec, TestEvents.event(codec, EventCatalog.CERTIFICATE_ISSUED, "cert-" + tag,
                new CertificateIssued("cert-" + tag, zed.id(), "cohort-1", "VC-1", Instant.now(), "e-" + tag)));

        // a member, and the transition team of another city, see the plain order and no activity
        String plain = list(ada.token(), gabrovo(tag));
        assertThat(ids(plain)).containsExactly(ada.id(), ben.id(), zed.id());
        assertThat(plain).doesNotContain("activity");
        assertThat(ids(list(transitionTeam(team.id(), "sofia"), gabrovo(tag))))
                .containsExactly(ada.id(), ben.id(), zed.id());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.perform(gabrovo(tag)
                .with(transitionTeam(team.id(), "gabrovo")))
                .andExpect(jsonPath("$.items[0].id").value(zed.id()))
                .andExpect(jsonPath("$.items[0].activity.certificateHeld").value(true))
                .andExpect(jsonPath("$.items[0].activity.certificatesHeld").value(1))
                .andExpect(jsonPath("$.items[0].activity.posts").value(0))
                .andExpect(jsonPath("$.items[1].activity").doesNotExist()));

        var asTeam = transitionTeam(team.id(), "gabrovo");
        assertThat(ids(list(asTeam, gabrovo(tag)))).containsExactly(zed.id(), ada.id(), ben.id());
        assertThat(ids(list(asTeam, gabrovo(tag).param("size", "2")))).containsExactly(zed.id(), ada.id());
        String secondPage = list(asTeam, gabrovo(tag).param("size", "2").param("page", "1"));
        assertThat(ids(secondPage)).containsExactly(ben.id());
        assertThat(JsonPath.<Integer>read(secondPage, "$.total")).isEqualTo(3);
        // without a city filter: the team's own city
        assertThat(ids(list(asTeam, get("/api/community/members").param("q", tag))))
                .containsExactly(zed.id(), ada.id(), ben.id());
        assertThat(ids(list(asTeam, gabrovo(tag).param("sort", "newest"))))
                .containsExactly(zed.id(), ben.id(), ada.id());
    }

    @Test
    void theDirectoryIsForMembers() throws Exception {
        http.perform(get("/api/community/members")).andExpect(status().isUnauthorized());
    }

    private static MockHttpServletRequestBuilder sarajevo() {
        return get("/api/community/members").param("city", "sarajevo");
    }

    private static MockHttpServletRequestBuilder gabrovo(String tag) {
        return get("/api/community/members").param("city", "gabrovo").param("q", tag);
    }

    private String list(String token, MockHttpServletRequestBuilder request) throws Exception {
        return list(request.header("Authorization", "Bearer " + token));
    }

    private String list(org.springframework.test.web.servlet.request.RequestPostProcessor caller,
            MockHttpServletRequestBuilder request) throws Exception {
        return list(request.with(caller));
    }

    private String list(RequestBuilder request) throws Exception {
        return http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> ids(String body) {
        return JsonPath.read(body, "$.items[*].id");
    }

}
