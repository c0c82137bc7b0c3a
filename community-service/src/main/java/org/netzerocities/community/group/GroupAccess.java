package org.netzerocities.community.group;

import java.util.Collection;
import java.util.Set;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;

/**
 * What the message boards ask of a group: who may read and write in it, and who moderates it. A public
 * group's boards are readable by every member, a private group's by its members only; writing takes
 * membership; admins may read every group and act as its moderators.
 */
public interface GroupAccess {

    /**
     * The group, when the caller may read its boards.
     *
     * @throws ApiProblem 404 for an unknown group, 403 when the caller may not read it
     */
    GroupSummary readable(String groupId, Caller caller);

    /**
     * The group, when the caller may write in it (a member of the group).
     *
     * @throws ApiProblem 404 for an unknown group, 403 when the caller may not write in it
     */
    GroupSummary writable(String groupId, Caller caller);

    /** The group's members among the given ones (mentions resolve among them; unknown ids are left out). */
    Set<String> membersAmong(String groupId, Collection<String> memberIds);

    /** Whether the caller moderates the group (its moderators, and admins). */
    boolean moderates(String groupId, Caller caller);
}
