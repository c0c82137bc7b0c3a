package org.netzerocities.community.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.netzerocities.community.activity.ActivitySignal;
import org.netzerocities.community.activity.MemberActivities;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.Role;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityRole;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The member directory, searched in memory over the listed members ({@link ListedMembers}): one pass over
 * them in the order asked for, no database query but the activity of the frontrunners a transition team sees
 * first.
 */
@Service
class Directory {

    private final ListedMembers listed;
    private final MongoTemplate mongo;
    private final MemberActivities activities;

    Directory(ListedMembers listed, MongoTemplate mongo, MemberActivities activities) {
        this.listed = listed;
        this.mongo = mongo;
        this.activities = activities;
    }

    PageResponse<MemberCard> list(DirectoryFilter filter, Pageable page, Caller caller) {
        if (filter.matchesNobody()) {
            return new PageResponse<>(List.of(), page.getPageNumber(), page.getPageSize(), 0);
        }
        String teamCity = teamCity(filter, caller);
        List<ListedMembers.Listed> frontrunners = new ArrayList<>();
        List<ListedMembers.Listed> rest = new ArrayList<>();
        for (ListedMembers.Listed member : listed.inOrder(filter.sort())) {
            if (filter.admits(member)) {
                (teamCity != null && ListedMembers.holds(member, Role.FRONTRUNNER, teamCity) ? frontrunners : rest)
                        .add(member);
            }
        }
        SplitPage split = SplitPage.of(frontrunners.size(), page.getOffset(), page.getPageSize());
        List<MemberCard> first = slice(frontrunners, split.frontrunnerSkip(), split.frontrunnerLimit());
        Map<String, ActivitySignal> signals = first.isEmpty() ? Map.of()
                : activities.signalsOf(first.stream().map(MemberCard::id).toList());
        List<MemberCard> items = new ArrayList<>(page.getPageSize());
        first.forEach(card -> items.add(card.withActivity(signals.get(card.id()))));
        items.addAll(slice(rest, split.restSkip(), split.restLimit()));
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(),
                frontrunners.size() + rest.size());
    }

    private static List<MemberCard> slice(List<ListedMembers.Listed> members, long skip, int limit) {
        if (limit <= 0 || skip >= members.size()) {
            return List.of();
        }
        return members.subList((int) skip, (int) Math.min(members.size(), skip + limit)).stream()
                .map(ListedMembers.Listed::card).toList();
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
}
