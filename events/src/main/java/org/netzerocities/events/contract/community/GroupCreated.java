package org.netzerocities.events.contract.community;

import java.util.List;

/**
 * A sub-group was created: by a member (a city or a topic group), or for a cohort of the programme (its private
 * peer group, {@code cohortId} set). {@code visibility} is PUBLIC or PRIVATE.
 */
public record GroupCreated(
        String groupId,
        String name,
        String visibility,
        String city,
        String topic,
        String cohortId,
        List<String> moderatorIds) {
}
