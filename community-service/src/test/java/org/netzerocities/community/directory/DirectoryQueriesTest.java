package org.netzerocities.community.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.activity.MemberActivities;
import org.netzerocities.community.member.Member;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityGrant;
import org.netzerocities.support.caller.CityRole;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * The directory reads no member from the database for a page (each read is a full scan on the embedded
 * server): it searches the listed members it loaded; and its paging of "frontrunners first".
 */
class DirectoryQueriesTest {

    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(SharedInfrastructure.mongoUri()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (Member.COLLECTION.equals(event.getCommand().get(event.getCommandName()).isString()
                            ? event.getCommand().getString(event.getCommandName()).getValue() : null)) {
                        commands.add(event.getCommandName());
                    }
                }
            }).build()), "directory-" + UUID.randomUUID());
    private final ListedMembers listed = new ListedMembers(mongo);
    private final Directory directory = new Directory(listed, mongo, new MemberActivities(mongo));
    private final Caller member = new Caller("reader", Set.of(GlobalRole.MEMBER), Set.of());
    private final Caller team = new Caller("team", Set.of(GlobalRole.MEMBER),
            Set.of(new CityGrant(CityRole.TRANSITION_TEAM, "tartu")));

    @Test
    void aPageReadsNoMemberFromTheDatabase() {
        seed(30, 4);

        var page = list(member, 1, 10);

        assertThat(page.total()).isEqualTo(30);
        assertThat(page.items()).extracting(MemberCard::displayName).containsExactly(names(10, 20));
        assertThat(commands).isEmpty();
    }

    @Test
    void aReloadFollowsTheStoredMemberAndOthersAreUntouched() {
        seed(30, 4);
        mongo.updateFirst(Query.query(Criteria.where("_id").is("id-3")),
                Update.update(Member.DIRECTORY_VISIBLE, false), Member.COLLECTION);
        mongo.updateFirst(Query.query(Criteria.where("_id").is("id-4")),
                Update.update("displayName", "Zoe").set(Member.SORT_NAME, "zoe"), Member.COLLECTION);

        listed.reload("id-3");
        listed.reload("id-4");
        listed.reload("no-such-member");

        var page = list(member, 0, 30);
        assertThat(page.total()).isEqualTo(29);
        assertThat(page.items()).extracting(MemberCard::displayName).doesNotContain("member-03").endsWith("Zoe");
    }

    @Test
    void aTransitionTeamsPageAcrossTheBoundaryIsOneCountAndTwoQueries() {
        seed(30, 4);

        var page = list(team, 0, 6);

        // frontrunners are the members with the last names, listed first in name order
        assertThat(page.items()).extracting(MemberCard::displayName)
                .containsExactly("member-26", "member-27", "member-28", "member-29", "member-00", "member-01");
        assertThat(page.items().get(0).activity()).isNotNull();
        assertThat(page.items().get(4).activity()).isNull();
        assertThat(page.total()).isEqualTo(30);
        assertThat(commands).isEmpty(); // the activity is in its own collection
    }

    @Test
    void aTransitionTeamsLaterPagesContinueWithTheOthers() {
        seed(30, 4);

        assertThat(list(team, 1, 6).items()).extracting(MemberCard::displayName).containsExactly(names(2, 8));
        assertThat(list(team, 4, 6).items()).extracting(MemberCard::displayName).containsExactly(names(20, 26));
        assertThat(list(team, 5, 6).items()).isEmpty();
    }

    private PageResponse<MemberCard> list(Caller caller, int page, int size) {
        commands.clear();
        return directory.list(DirectoryFilter.of("tartu", null, null, null, null, null, "tartu"::equals),
                PageResponse.request(page, size, Sort.unsorted()), caller);
    }

    private static String[] names(int from, int to) {
        return IntStream.range(from, to).mapToObj("member-%02d"::formatted).toArray(String[]::new);
    }

    /** {@code count} listed members of Tartu, the last {@code frontrunners} of them its frontrunners. */
    private void seed(int count, int frontrunners) {
        List<Document> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Document> roles = new ArrayList<>(List.of(new Document("role", "MEMBER")));
            if (i >= count - frontrunners) {
                roles.add(new Document("role", "FRONTRUNNER").append("city", "tartu"));
            }
            members.add(new Document("_id", "id-" + i).append("displayName", "member-%02d".formatted(i))
                    .append(Member.SORT_NAME, "member-%02d".formatted(i)).append(Member.CITY, "tartu")
                    .append(Member.ROLES, roles).append(Member.DIRECTORY_VISIBLE, true)
                    .append(Member.JOINED_AT, new Date()).append("email", "secret-" + i + "@example.org"));
        }
        mongo.insert(members, Member.COLLECTION);
        listed.loadAll();
    }
}
