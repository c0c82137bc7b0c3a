package org.netzerocities.community.group;

import java.util.Set;

/** A group as the message boards see it: enough to check rights and to name the group in events. */
public record GroupSummary(String id, String name, GroupVisibility visibility, Set<String> moderatorIds) {

    public boolean isPublic() {
        return visibility == GroupVisibility.PUBLIC;
    }
}
