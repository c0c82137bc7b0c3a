package org.netzerocities.community.event;

import org.netzerocities.community.group.GroupAccess;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Checks the group an event is organised by: it must exist and the organiser must be one of its members. */
@Component
class OrganiserGroups {

    private final GroupAccess groups;

    OrganiserGroups(GroupAccess groups) {
        this.groups = groups;
    }

    /**
     * @throws ApiProblem 400 for an unknown group, 403 when the organiser is not a member of it
     */
    void check(String groupId, Caller organiser) {
        if (groupId == null) {
            return;
        }
        try {
            groups.writable(groupId, organiser);
        }
        catch (ApiProblem problem) {
            if (problem.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                throw ApiProblem.invalid("groupId", "is not a group");
            }
            if (problem.getStatusCode().value() == HttpStatus.FORBIDDEN.value()) {
                throw ApiProblem.forbidden("Only members of group " + groupId + " may organise events for it");
            }
            throw problem;
        }
    }
}
