package org.netzerocities.community.cityview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.activity.MemberActivities;
import org.netzerocities.community.city.City;
import org.netzerocities.community.member.Member;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

/** The city view's aggregations on stored members, with and without the onboarding and calls features. */
class CityDashboardsTest {

    private static final City TARTU = new City("tartu", "Tartu", "EE", "et", false, "Europe/Tallinn");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "cityview-" + UUID.randomUUID());

    @Test
    void withTheOnboardingAndCallsFeaturesItShowsTheFunnelAndTheCallsTitles() {
        seed();
        var sources = new StaticListableBeanFactory(Map.of(
                "funnel", (FunnelSource) city -> new FunnelSource.Funnel(3, 2, 1),
                "calls", (CallSource) city -> List.of(
                        new CallSource.Call("NEW-CALL", "Nobody yet", Instant.parse("2026-12-31T00:00:00Z"), true),
                        new CallSource.Call("CALL-A", "Heat pumps for Tartu", null, false))));

        CityDashboard view = dashboards(sources).of(TARTU);

        assertThat(view.funnel()).isEqualTo(new FunnelSource.Funnel(3, 2, 1));
        assertThat(view.joinsPerCall()).containsExactly(
                new CityDashboard.CallJoins("NEW-CALL", "Nobody yet", Instant.parse("2026-12-31T00:00:00Z"), true, 0),
                new CityDashboard.CallJoins("CALL-A", "Heat pumps for Tartu", null, false, 2),
                new CityDashboard.CallJoins("OLD-CALL", null, null, null, 1));
    }

    @Test
    void weeksAreCountedByTheStoredWeekAndOlderOnesLeftOut() {
        seed();

        CityDashboard view = dashboards(new StaticListableBeanFactory()).of(TARTU);

        assertThat(view.members()).isEqualTo(4);
        assertThat(view.funnel()).isNull();
        assertThat(view.joinsPerWeek()).hasSize(CityDashboards.WEEKS).endsWith(
                new CityDashboard.WeekJoins("2026-W47", 1), new CityDashboard.WeekJoins("2026-W48", 2));
        assertThat(view.joinsPerWeek()).extracting(CityDashboard.WeekJoins::joins).containsOnly(0L, 1L, 2L)
                .as("the member of 2024 is out of range").doesNotContain(3L);
        assertThat(view.joinsPerWeek().stream().mapToLong(CityDashboard.WeekJoins::joins).sum()).isEqualTo(3);
    }

    @Test
    void aFrontrunnerOfTheCityLivingElsewhereCountsForTheCityButNotItsOtherRoles() {
        seed();

        CityDashboard view = dashboards(new StaticListableBeanFactory()).of(TARTU);

        assertThat(view.membersByRole()).containsEntry("MEMBER", 4L).containsEntry("FRONTRUNNER", 2L)
                .containsEntry("TRANSITION_TEAM", 0L);
        assertThat(view.frontrunners()).extracting(CityDashboard.Frontrunner::displayName)
                .containsExactly("Ann", "Visitor");
    }

    private CityDashboards dashboards(StaticListableBeanFactory sources) {
        return new CityDashboards(mongo, new MemberActivities(mongo), sources.getBeanProvider(FunnelSource.class),
                sources.getBeanProvider(CallSource.class), NOW);
    }

    private void seed() {
        mongo.insert(List.of(
                member("1", "Ann", "tartu", "CALL-A", "2026-W48", true),
                member("2", "Bob", "tartu", "CALL-A", "2026-W48", false),
                member("3", "Cid", "tartu", "OLD-CALL", "2026-W47", false),
                member("4", "Dan", "tartu", null, "2024-W10", false),
                member("5", "Visitor", "lahti", null, "2026-W48", false)
                        .append(Member.ROLES, List.of(new Document("role", "MEMBER"),
                                new Document("role", "FRONTRUNNER").append("city", "tartu")))),
                Member.COLLECTION);
    }

    private static Document member(String id, String name, String city, String call, String week,
            boolean frontrunner) {
        List<Document> roles = frontrunner
                ? List.of(new Document("role", "MEMBER"), new Document("role", "FRONTRUNNER").append("city", city))
                : List.of(new Document("role", "MEMBER"));
        Document member = new Document("_id", id).append("displayName", name).append(Member.SORT_NAME, name.toLowerCase())
                .append(Member.CITY, city).append(Member.ROLES, roles).append(Member.JOINED_WEEK, week);
        return call == null ? member : member.append(Member.CALL_CODE, call);
    }
}
