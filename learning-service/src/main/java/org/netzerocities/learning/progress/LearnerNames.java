package org.netzerocities.learning.progress;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.learner.LearnerRepository;
import org.springframework.stereotype.Component;

/** Learners' names and cities for lists shown to facilitators: one query for a whole page or cohort. */
@Component
class LearnerNames {

    private final LearnerRepository learners;

    LearnerNames(LearnerRepository learners) {
        this.learners = learners;
    }

    /** The learners known here among {@code memberIds}, by member id (an erased member is missing). */
    Map<String, Learner> of(Collection<String> memberIds) {
        return learners.findAllById(memberIds.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Learner::memberId, learner -> learner, (a, b) -> a));
    }

    /** The display names of those among {@code memberIds} known here. */
    Map<String, String> displayNames(Collection<String> memberIds) {
        return of(memberIds).values().stream().filter(learner -> learner.displayName() != null)
                .collect(Collectors.toMap(Learner::memberId, Learner::displayName));
    }
}
