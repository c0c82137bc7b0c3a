package org.netzerocities.community.group;

import java.util.Collection;
import java.util.Set;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.stereotype.Component;

/** The rules of {@link GroupAccess}, over the groups and their memberships. */
@Component
class MemberGroupAccess implements GroupAccess {

    private final Groups groups;
    private final Memberships memberships;

    MemberGroupAccess(Groups groups, Memberships memberships) {
        this.groups = groups;
        this.memberships = memberships;
    }

    @Override
    public GroupSummary readable(String groupId, Caller caller) {
        return readableGroup(groupId, caller).summary();
    }

    /** The group itself, when the caller may read it: public, or they are in it, or they are an admin. */
    Group readableGroup(String groupId, Caller caller) {
        Group group = groups.get(groupId);
        if (group.isPublic() || caller.isAdmin() || memberships.isMember(groupId, caller.memberId())) {
            return group;
        }
        throw ApiProblem.forbidden("Only the members of this private group may read it");
    }

    @Override
    public GroupSummary writable(String groupId, Caller caller) {
        Group group = groups.get(groupId);
        if (!memberships.isMember(groupId, caller.memberId())) {
            throw ApiProblem.forbidden("Only the members of this group may write in it");
        }
        return group.summary();
    }

    @Override
    public Set<String> membersAmong(String groupId, Collection<String> memberIds) {
        return memberships.membersAmong(groupId, memberIds);
    }

    @Override
    public boolean moderates(String groupId, Caller caller) {
        return caller.isAdmin() || groups.find(groupId).filter(group -> group.moderates(caller.memberId())).isPresent();
    }
}
