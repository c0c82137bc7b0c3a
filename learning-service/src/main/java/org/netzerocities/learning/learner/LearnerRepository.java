package org.netzerocities.learning.learner;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The programme's member projection; other features read display names and cities from it. */
public interface LearnerRepository extends MongoRepository<Learner, String> {
}
