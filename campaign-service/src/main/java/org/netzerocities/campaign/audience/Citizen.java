package org.netzerocities.campaign.audience;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member as the engagement plan sees them: the audience of a city channel in its language, and the
 * interests campaigns and calls to action are matched with. Projected from community-service's events;
 * removed when the member is erased.
 */
@Document(AudienceProjection.COLLECTION)
public record Citizen(@Id String memberId, String displayName, @Indexed String city, List<String> languages,
        List<String> interests, Instant joinedAt) {
}
