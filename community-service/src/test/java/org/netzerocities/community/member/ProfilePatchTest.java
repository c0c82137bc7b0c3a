package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;

import tools.jackson.databind.json.JsonMapper;

class ProfilePatchTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final EventFactory EVENTS = new EventFactory("/test", new EventCodec(), Clock.fixed(NOW, ZoneOffset.UTC),
            () -> null);
    static final Set<String> CITIES = Set.of("cluj-napoca", "milan");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Member ana = ana();

    static Member ana() {
        return Member.join("m-1", new Member.NewMember("ana@example.org", "Ana", "cluj-napoca", List.of("ro"),
                List.of("energy"), null, null, 1), "hash", ZoneId.of("Europe/Bucharest"), NOW, EVENTS);
    }

    private ProfilePatch.ProfileEdit patch(String body) {
        return ProfilePatch.apply(ana, json.readTree(body.replace('\'', '"')), CITIES::contains);
    }

    private void refused(String body, String field) {
        refused(body, field, "");
    }

    private void refused(String body, String field, String message) {
        assertThatThrownBy(() -> patch(body)).isInstanceOf(ApiProblem.class)
                .satisfies(ex -> assertThat(((ApiProblem) ex).getBody().getProperties().get("errors").toString())
                        .contains("field=" + field + ", message=" + message));
    }

    @Test
    void absentFieldsStayAndPresentOnesReplace() {
        var edit = patch("{'bio': 'Cycling to work in Cluj', 'directoryVisible': true}");

        assertThat(edit.displayName()).isEqualTo("Ana");
        assertThat(edit.city()).isEqualTo("cluj-napoca");
        assertThat(edit.languages()).containsExactly("ro");
        assertThat(edit.bio()).isEqualTo("Cycling to work in Cluj");
        assertThat(edit.directoryVisible()).isTrue();
    }

    @Test
    void nullRemovesOptionalFields() {
        ana.edit(patch("{'bio': 'x', 'timeZone': 'Europe/Rome', 'socialHandles': {'website': 'https://ana.eu'}}"),
                ZoneId.of("Europe/Bucharest"), NOW, EVENTS);

        var edit = patch("{'bio': null, 'timeZone': null, 'socialHandles': {'website': null}}");

        assertThat(edit.bio()).isNull();
        assertThat(edit.timeZone()).isNull();
        assertThat(edit.socialHandles()).isEqualTo(new SocialHandles(null, null, null));
    }

    @Test
    void emailAndRolesAreNotEditableHere() {
        refused("{'email': 'eve@example.org'}", "email", "is not editable here");
        refused("{'roles': [{'role': 'ADMIN'}]}", "roles", "is not editable here");
        refused("{'isAdmin': true}", "isAdmin");
    }

    @Test
    void requiredFieldsCannotBeRemovedOrBlank() {
        refused("{'displayName': null}", "displayName");
        refused("{'displayName': '   '}", "displayName");
        refused("{'city': null}", "city");
    }

    @Test
    void typesAndValuesAreChecked() {
        refused("{'displayName': ['Ana']}", "displayName");
        refused("{'city': 'atlantis'}", "city");
        refused("{'languages': ['ro', null]}", "languages[1]");
        refused("{'languages': 'ro'}", "languages");
        refused("{'interests': [{'$gt': ''}]}", "interests[0]");
        refused("{'directoryVisible': 'yes'}", "directoryVisible");
        refused("{'timeZone': 'Mars/Olympus'}", "timeZone");
        refused("{'timeZone': '+02:00'}", "timeZone");
        refused("{'bio': '" + "x".repeat(ProfilePatch.MAX_BIO + 1) + "'}", "bio");
        refused("{'displayName': 'Ana\\u0007'}", "displayName");
    }

    @Test
    void aBioMayHaveLineBreaksButNoOtherControlCharacters() {
        assertThat(patch("{'bio': 'Line one\\nLine two'}").bio()).isEqualTo("Line one\nLine two");
        refused("{'bio': 'Line one\\u001b[31m'}", "bio");
    }

    @Test
    void socialLinksAreHttpOrHttpsToTheRightSite() {
        assertThat(patch("{'socialHandles': {'instagram': 'https://www.instagram.com/ana.climate'}}")
                .socialHandles().instagram()).isEqualTo("https://www.instagram.com/ana.climate");
        refused("{'socialHandles': {'website': 'javascript:alert(1)'}}", "socialHandles.website");
        refused("{'socialHandles': {'website': 'ftp://ana.eu'}}", "socialHandles.website");
        refused("{'socialHandles': {'website': 'https://user:pw@ana.eu'}}", "socialHandles.website");
        refused("{'socialHandles': {'instagram': 'https://evil.example/ana'}}", "socialHandles.instagram");
        refused("{'socialHandles': {'linkedin': 'https://instagram.com/ana'}}", "socialHandles.linkedin");
        refused("{'socialHandles': {'tiktok': 'https://tiktok.com/@ana'}}", "socialHandles.tiktok");
        refused("{'socialHandles': 'https://ana.eu'}", "socialHandles");
    }

    @Test
    void allFaultsAreReportedAtOnce() {
        assertThatThrownBy(() -> patch("{'email': 'x', 'city': 'atlantis', 'timeZone': 'nowhere'}"))
                .isInstanceOf(ApiProblem.class)
                .satisfies(ex -> assertThat((List<?>) ((ApiProblem) ex).getBody().getProperties().get("errors"))
                        .hasSize(3));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        refused("['bio']", "body");
        refused("null", "body");
    }
}
