package org.netzerocities.learning.learner;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member as the programme sees them: who can enrol, in which city (cohorts are local), in which languages
 * masterclasses and discussions suit them, and what they care about. Projected from community-service's events;
 * removed when the member is erased.
 */
@Document(LearnerProjection.COLLECTION)
public record Learner(@Id String memberId, String displayName, @Indexed String city, List<String> languages,
        List<String> interests, Instant joinedAt) {
}
