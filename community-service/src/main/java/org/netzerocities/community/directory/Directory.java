package org.netzerocities.community.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.netzerocities.community.activity.ActivitySignal;
import org.netzerocities.community.activity.MemberActivities;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.Role;
import org.netzerocities.community.member.RoleGrant;
import org.netzerocities.community.member.SocialHandles;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityRole;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The member directory. Each page costs a count and a page query over the members (a transition team's view
 * of its city, frontrunners first: one counting aggregation and one or two page queries), never a query per
 * member nor loading more members than the page holds.
 */
@Service
class Directory {

    private static final String[] CARD_FIELDS = { "displayName", Member.CITY, Member.LANGUAGES, Member.INTERESTS,
            "bio", "socialHandles", Member.ROLES };

    private final MongoTemplate mongo;
    private final MemberActivities activities;

    Directory(MongoTemplate mongo, MemberActivities activities) {
        this.mongo = mongo;
        this.activities = activities;
    }

    PageResponse<MemberCard> list(DirectoryFilter filter, Pageable page, Caller caller) {
        if (filter.matchesNobody()) {
            return new PageResponse<>(List.of(), page.getPageNumber(), page.getPageSize(), 0);
        }
        String teamCity = teamCity(filter, caller);
        return teamCity == null ? everyone(filter, page) : frontrunnersFirst(filter, teamCity, page);
    }

    private PageResponse<MemberCard> everyone(DirectoryFilter filter, Pageable page) {
        Criteria listed = filter.listed();
        long total = mongo.count(Query.query(listed), Member.COLLECTION);
        List<MemberCard> items = total > page.getOffset()
                ? cards(listed, filter, page.getOffset(), page.getPageSize())
                : List.of();
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total);
    }

    private PageResponse<MemberCard> frontrunnersFirst(DirectoryFilter filter, String city, Pageable page) {
        Criteria listed = filter.listed();
        Criteria frontrunner = DirectoryFilter.holding(Role.FRONTRUNNER, city);
        Counts counts = count(listed, city);
        SplitPage split = SplitPage.of(counts.frontrunners(), page.getOffset(), page.getPageSize());
        List<MemberCard> frontrunners = split.frontrunnerLimit() > 0
                ? cards(new Criteria().andOperator(listed, frontrunner), filter, split.frontrunnerSkip(),
                        split.frontrunnerLimit())
                : List.of();
        List<MemberCard> rest = split.restLimit() > 0 && counts.total() - counts.frontrunners() > split.restSkip()
                ? cards(new Criteria().andOperator(listed, new Criteria().norOperator(frontrunner)), filter,
                        split.restSkip(), split.restLimit())
                : List.of();
        Map<String, ActivitySignal> signals = activities.signalsOf(frontrunners.stream().map(MemberCard::id).toList());
        List<MemberCard> items = new ArrayList<>(frontrunners.size() + rest.size());
        frontrunners.forEach(card -> items.add(card.withActivity(signals.get(card.id()))));
        items.addAll(rest);
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), counts.total());
    }

    /**
     * The city whose frontrunners the caller sees first: the listed city when the caller is on its transition
     * team; without a city filter, the caller's own city when they are on its transition team.
     */
    private String teamCity(DirectoryFilter filter, Caller caller) {
        if (filter.city() != null) {
            return caller.holds(CityRole.TRANSITION_TEAM, filter.city()) ? filter.city() : null;
        }
        if (!caller.holdsAnywhere(CityRole.TRANSITION_TEAM)) {
            return null;
        }
        Query own = Query.query(Criteria.where("_id").is(caller.memberId()));
        own.fields().include(Member.CITY);
        Document member = mongo.findOne(own, Document.class, Member.COLLECTION);
        String home = member == null ? null : member.getString(Member.CITY);
        return home != null && caller.holds(CityRole.TRANSITION_TEAM, home) ? home : null;
    }

    /** Both counts in one pass over the members. */
    private Counts count(Criteria listed, String city) {
        Document holdsFrontrunner = new Document("$gt", List.of(new Document("$size", new Document("$filter",
                new Document("input", "$" + Member.ROLES).append("as", "grant").append("cond",
                        new Document("$and", List.of(
                                new Document("$eq", List.of("$$grant.role", Role.FRONTRUNNER.name())),
                                new Document("$eq", List.of("$$grant.city", city))))))), 0));
        AggregationOperation group = context -> new Document("$group", new Document("_id", null)
                .append("total", new Document("$sum", 1))
                .append("frontrunners", new Document("$sum", new Document("$cond", List.of(holdsFrontrunner, 1, 0)))));
        Document counts = mongo.aggregate(Aggregation.newAggregation(Aggregation.match(listed), group),
                Member.COLLECTION, Document.class).getUniqueMappedResult();
        return counts == null ? new Counts(0, 0)
                : new Counts(((Number) counts.get("total")).longValue(),
                        ((Number) counts.get("frontrunners")).longValue());
    }

    private List<MemberCard> cards(Criteria criteria, DirectoryFilter filter, long skip, int limit) {
        Query query = Query.query(criteria).with(filter.sort().sort()).skip(skip).limit(limit);
        query.fields().include(CARD_FIELDS);
        return mongo.find(query, Document.class, Member.COLLECTION).stream().map(Directory::card).toList();
    }

    private static MemberCard card(Document member) {
        Document social = member.get("socialHandles", Document.class);
        return new MemberCard(member.getString("_id"), member.getString("displayName"),
                member.getString(Member.CITY), strings(member, Member.LANGUAGES), strings(member, Member.INTERESTS),
                member.getString("bio"),
                social == null ? new SocialHandles(null, null, null)
                        : new SocialHandles(social.getString("instagram"), social.getString("linkedin"),
                                social.getString("website")),
                roles(member), null);
    }

    /** Public roles only: an operator's ADMIN and names this version does not know are left out. */
    private static List<RoleGrant> roles(Document member) {
        List<Document> grants = member.getList(Member.ROLES, Document.class, List.of());
        return grants.stream()
                .flatMap(grant -> DirectoryFilter.LISTED_ROLES.stream()
                        .filter(role -> role.name().equals(grant.getString("role")))
                        .map(role -> new RoleGrant(role, role.cityBound() ? grant.getString("city") : null)))
                .sorted(RoleGrant.ORDER).toList();
    }

    private static List<String> strings(Document member, String field) {
        return member.getList(field, String.class, List.of());
    }

    private record Counts(long total, long frontrunners) {
    }
}
