package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.community.member.MemberRegistrationTest.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/** Which passwords a member may choose, and how they are kept: BCrypt, never more than the 72 bytes it reads. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class PasswordTest {

    private static final String EMOJI = "\uD83D\uDE00"; // 😀, 4 bytes in UTF-8

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MemberRepository members;
    @Autowired
    JsonMapper json;

    @Test
    void aPassphraseOfMoreThan72BytesIsRefusedFieldByField() throws Exception {
        register(unique("long"), "a".repeat(100))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "must be at most 72 bytes in UTF-8")));
        register(unique("emoji"), EMOJI.repeat(25))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    @Test
    void aPassphraseOfExactly72BytesIsAcceptedAndLogsIn() throws Exception {
        for (String password : new String[] { "a1b2c3d4".repeat(9), EMOJI.repeat(18) }) {
            String email = unique("limit");
            register(email, password).andExpect(status().isCreated());
            logIn(email, password).andExpect(status().isOk());
        }
    }

    @Test
    void aPasswordLongerThanAnyAcceptedOneDoesNotLogInAndDoesNotFail() throws Exception {
        String email = unique("login-long");
        register(email, "a1b2c3d4".repeat(9)).andExpect(status().isCreated());

        logIn(email, "a1b2c3d4".repeat(9) + "extra").andExpect(status().isUnauthorized());
        logIn("nobody@example.org", EMOJI.repeat(1000)).andExpect(status().isUnauthorized());
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() throws Exception {
        for (String common : new String[] { "password123", "PassWord123", "QWERTYUIOP", "1234567890" }) {
            register(unique("common"), common)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("password"))
                    .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("common")));
        }
    }

    @Test
    void aShortPasswordIsRefused() throws Exception {
        register(unique("short"), EMOJI.repeat(9))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be at least 10 characters"));
    }

    @Test
    void aHashMadeWithOlderParametersIsUpgradedAtLogInWithoutRewritingTheMember() throws Exception {
        String email = unique("rehash");
        String password = "an older passphrase";
        String id = JsonPath.read(register(email, password).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.member.id");
        String oldHash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
        // a field the Member class does not map: replacing the whole document would drop it, as a save of a
        // member read before the outbox relay's last edit would undo that edit
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("passwordHash", oldHash).set("writtenMeanwhile", true), "members");

        logIn(email, password).andExpect(status().isOk());

        String upgraded = members.findById(id).orElseThrow().passwordHash();
        assertThat(upgraded).startsWith("{bcrypt}$2a$10$").isNotEqualTo(oldHash);
        assertThat(mongo.findById(id, Document.class, "members").getBoolean("writtenMeanwhile")).isTrue();
        logIn(email, password).andExpect(status().isOk());
        logIn(email, "not the passphrase").andExpect(status().isUnauthorized());
        assertThat(members.findById(id).orElseThrow().passwordHash()).isEqualTo(upgraded);
    }

    private ResultActions register(String email, String password) throws Exception {
        String body = json.writeValueAsString(Map.of("email", email, "password", password,
                "displayName", "Ana Pop", "city", "cluj-napoca", "termsVersion", CommunityApi.currentTerms(http),
                "minimumAgeConfirmed", true));
        return http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions logIn(String email, String password) throws Exception {
        String body = json.writeValueAsString(Map.of("email", email, "password", password));
        return http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
