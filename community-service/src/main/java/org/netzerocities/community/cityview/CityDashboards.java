package org.netzerocities.community.cityview;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.netzerocities.community.activity.ActivitySignal;
import org.netzerocities.community.activity.MemberActivities;
import org.netzerocities.community.city.City;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Builds a city's view from aggregations over the members ({@code $match} on the city, then {@code $unwind} /
 * {@code $group}): four passes whatever the city's size, never a member per query or every member in memory.
 */
@Service
class CityDashboards {

    static final int WEEKS = 26;
    static final int MAX_TOPICS = 50;
    static final int MAX_FRONTRUNNERS = 200;

    private final MongoTemplate mongo;
    private final MemberActivities activities;
    private final ObjectProvider<FunnelSource> funnels;
    private final ObjectProvider<CallSource> calls;
    private final Clock clock;

    CityDashboards(MongoTemplate mongo, MemberActivities activities, ObjectProvider<FunnelSource> funnels,
            ObjectProvider<CallSource> calls, Clock clock) {
        this.mongo = mongo;
        this.activities = activities;
        this.funnels = funnels;
        this.calls = calls;
        this.clock = clock;
    }

    CityDashboard of(City city) {
        Criteria living = Criteria.where(Member.CITY).is(city.id());
        // one pass for both series: members per (call code, join week)
        List<Document> joins = aggregate(Aggregation.match(living), stage("$group", new Document("_id",
                new Document("call", "$" + Member.CALL_CODE).append("week", "$" + Member.JOINED_WEEK))
                .append("n", new Document("$sum", 1))));
        long members = 0;
        Map<String, Long> perCall = new HashMap<>();
        Map<String, Long> perWeek = new HashMap<>();
        for (Document group : joins) {
            Document key = group.get("_id", Document.class);
            long n = count(group);
            members += n;
            if (key.getString("call") != null) {
                perCall.merge(key.getString("call"), n, Long::sum);
            }
            if (key.getString("week") != null) {
                perWeek.merge(key.getString("week"), n, Long::sum);
            }
        }
        FunnelSource funnelSource = funnels.getIfAvailable();
        return new CityDashboard(new CityDashboard.CityRef(city.id(), city.name()), members, byRole(city.id()),
                byTopic(living), joinsPerCall(city.id(), perCall),
                lastWeeks(clock.instant(), ZoneId.of(city.timeZone())).stream()
                        .map(week -> new CityDashboard.WeekJoins(week, perWeek.getOrDefault(week, 0L))).toList(),
                funnelSource == null ? null : funnelSource.of(city.id()), frontrunners(city.id()));
    }

    /**
     * Global roles of the members living in the city; city-bound roles held in this city, wherever their
     * holder lives. Every role appears, with 0 when nobody holds it.
     */
    private Map<String, Long> byRole(String city) {
        Criteria inCity = new Criteria().orOperator(Criteria.where(Member.CITY).is(city),
                Criteria.where(Member.ROLES + ".city").is(city));
        Criteria counted = new Criteria().orOperator(Criteria.where(Member.ROLES + ".city").is(city),
                new Criteria().andOperator(Criteria.where(Member.ROLES + ".city").is(null),
                        Criteria.where(Member.CITY).is(city)));
        Map<String, Long> found = new HashMap<>();
        aggregate(Aggregation.match(inCity), Aggregation.unwind(Member.ROLES), Aggregation.match(counted),
                stage("$group", new Document("_id", "$" + Member.ROLES + ".role").append("n", new Document("$sum", 1))))
                .forEach(group -> found.put(group.getString("_id"), count(group)));
        Map<String, Long> byRole = new LinkedHashMap<>();
        for (Role role : List.of(Role.MEMBER, Role.FRONTRUNNER, Role.TRANSITION_TEAM, Role.FACILITATOR)) {
            byRole.put(role.name(), found.getOrDefault(role.name(), 0L));
        }
        return byRole;
    }

    private List<CityDashboard.TopicCount> byTopic(Criteria living) {
        return aggregate(Aggregation.match(living), Aggregation.unwind(Member.INTERESTS),
                stage("$group", new Document("_id", "$" + Member.INTERESTS).append("n", new Document("$sum", 1))),
                stage("$sort", new Document("n", -1).append("_id", 1)), Aggregation.limit(MAX_TOPICS)).stream()
                .map(group -> new CityDashboard.TopicCount(group.getString("_id"), count(group))).toList();
    }

    /** The city's calls (as the calls feature knows them) with their joins, then codes it does not know. */
    private List<CityDashboard.CallJoins> joinsPerCall(String city, Map<String, Long> perCall) {
        CallSource source = calls.getIfAvailable();
        List<CityDashboard.CallJoins> result = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        if (source != null) {
            for (CallSource.Call call : source.callsOf(city)) {
                if (listed.add(call.code())) {
                    result.add(new CityDashboard.CallJoins(call.code(), call.title(), call.closesAt(), call.open(),
                            perCall.getOrDefault(call.code(), 0L)));
                }
            }
        }
        perCall.entrySet().stream().filter(entry -> !listed.contains(entry.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> result.add(
                        new CityDashboard.CallJoins(entry.getKey(), null, null, null, entry.getValue())));
        return result;
    }

    private List<CityDashboard.Frontrunner> frontrunners(String city) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where(Member.ROLES).elemMatch(
                Criteria.where("role").is(Role.FRONTRUNNER.name()).and("city").is(city)),
                Criteria.where(Member.ERASED_AT).exists(false)))
                .with(Sort.by(Member.SORT_NAME, "_id")).limit(MAX_FRONTRUNNERS);
        query.fields().include("displayName");
        List<Document> found = mongo.find(query, Document.class, Member.COLLECTION);
        Map<String, ActivitySignal> signals = activities.signalsOf(found.stream().map(m -> m.getString("_id")).toList());
        return found.stream().map(m -> new CityDashboard.Frontrunner(m.getString("_id"), m.getString("displayName"),
                signals.get(m.getString("_id")))).toList();
    }

    /** ISO week keys ({@code 2026-W48}, as stored with each member) of the last {@link #WEEKS} weeks, oldest first. */
    static List<String> lastWeeks(Instant now, ZoneId zone) {
        var today = now.atZone(zone).toLocalDate();
        List<String> weeks = new ArrayList<>(WEEKS);
        for (int back = WEEKS - 1; back >= 0; back--) {
            var day = today.minusWeeks(back);
            weeks.add("%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        }
        return weeks;
    }

    private List<Document> aggregate(AggregationOperation... stages) {
        return mongo.aggregate(Aggregation.newAggregation(stages), Member.COLLECTION, Document.class)
                .getMappedResults();
    }

    private static AggregationOperation stage(String name, Document body) {
        return context -> new Document(name, body);
    }

    private static long count(Document group) {
        return ((Number) group.get("n")).longValue();
    }
}
