package org.netzerocities.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netzerocities.events.ReleasedSchemas.Compared;
import org.netzerocities.events.ReleasedSchemas.NoRelease;
import org.netzerocities.events.ReleasedSchemas.Unavailable;

/** The check against real git repositories laid out like this project: the schemas in the {@code events} module. */
class ReleasedSchemasTest {

    private static final String V1 = "member-joined.v1.json";
    private static final String MEMBER_JOINED = "{'type':'object','required':['memberId'],'properties':"
            + "{'memberId':{'type':'string'},'city':{'type':['string','null']}}}";

    @TempDir
    Path repo;

    @Test
    void reportsIncompatibleChangesSinceTheLatestTagCommittedOrNot() throws IOException {
        release("v0.1.0");
        writeSchema(V1, MEMBER_JOINED.replace(",'city':{'type':['string','null']}", ""));
        commit("drop city");
        writeSchema(V1, MEMBER_JOINED.replace(",'city':{'type':['string','null']}", "")
                .replace("'type':'string'", "'type':'string','maxLength':36"));

        assertThat(ReleasedSchemas.compare(module())).isEqualTo(new Compared("v0.1.0", List.of(
                "community/member-joined.v1.json $.memberId: maxLength 36 added",
                "community/member-joined.v1.json $.city: property removed")));
    }

    @Test
    void passesACompatibleChange() throws IOException {
        release("v0.1.0");
        writeSchema(V1, MEMBER_JOINED.replace("'city':{'type':['string','null']}",
                "'city':{'type':['string','null'],'description':'city id'},'timeZone':{'type':'string'}"));
        commit("add optional timeZone");

        assertThat(ReleasedSchemas.compare(module())).isEqualTo(new Compared("v0.1.0", List.of()));
    }

    @Test
    void doesNotCompareANewVersionWithTheOldOne() throws IOException {
        release("v0.1.0");
        writeSchema("member-joined.v2.json", MEMBER_JOINED.replace("['memberId']", "['memberId','city']")
                .replace("['string','null']", "'string'"));

        assertThat(ReleasedSchemas.compare(module())).isEqualTo(new Compared("v0.1.0", List.of()));
    }

    @Test
    void reportsAReleasedSchemaThatWasDeleted() throws IOException {
        release("v0.1.0");
        Files.delete(module().resolve(ReleasedSchemas.SCHEMAS).resolve("community").resolve(V1));

        assertThat(ReleasedSchemas.compare(module())).isEqualTo(new Compared("v0.1.0", List.of(
                "community/member-joined.v1.json: deleted since v0.1.0, yet consumers of its type rely on it")));
    }

    @Test
    void comparesWithTheMostRecentTag() throws IOException {
        release("v0.1.0");
        writeSchema(V1, MEMBER_JOINED.replace("['string','null']", "'string'"));
        commit("narrow city, released as 0.2.0 before the compatibility check existed");
        git("tag", "v0.2.0");

        assertThat(ReleasedSchemas.compare(module())).isEqualTo(new Compared("v0.2.0", List.of()));
    }

    @Test
    void findsNoReleaseBeforeTheFirstTag() throws IOException {
        git("init", "-q");
        writeSchema(V1, MEMBER_JOINED);
        commit("first schema");
        writeSchema(V1, MEMBER_JOINED.replace("['string','null']", "'string'"));

        assertThat(ReleasedSchemas.compare(module())).isEqualTo(new NoRelease());
    }

    @Test
    void isUnavailableOutsideAGitCheckout() throws IOException {
        writeSchema(V1, MEMBER_JOINED);

        assertThat(ReleasedSchemas.compare(module())).isInstanceOf(Unavailable.class);
    }

    @Test
    void isUnavailableInAShallowCloneThatLacksTheReleaseTag(@TempDir Path clone) throws IOException {
        release("v0.1.0");
        writeSchema(V1, MEMBER_JOINED.replace("['string','null']", "'string'"));
        commit("narrow city");
        git("clone", "-q", "--depth", "1", repo.toUri().toString(), clone.toString());

        assertThat(ReleasedSchemas.compare(clone.resolve("events"))).asInstanceOf(type(Unavailable.class))
                .extracting(Unavailable::reason).asString().startsWith("shallow clone");
    }

    /** A repository whose first commit, holding the released MemberJoined schema, is tagged {@code tag}. */
    private void release(String tag) throws IOException {
        git("init", "-q");
        writeSchema(V1, MEMBER_JOINED);
        commit("MemberJoined v1");
        git("tag", tag);
    }

    private Path module() {
        return repo.resolve("events");
    }

    private void writeSchema(String file, String singleQuotedJson) throws IOException {
        Path dir = Files.createDirectories(module().resolve(ReleasedSchemas.SCHEMAS).resolve("community"));
        Files.writeString(dir.resolve(file), singleQuotedJson.replace('\'', '"'));
    }

    private void commit(String message) throws IOException {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    /** Git with a fixed identity and no signing, whatever the user's git configuration says. */
    private void git(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("-c", "user.name=Test", "-c",
                "user.email=test@example.org", "-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false"));
        command.addAll(List.of(arguments));
        ReleasedSchemas.git(repo, command.toArray(String[]::new));
    }
}
