package org.netzerocities.learning.learner;

import org.springframework.data.mongodb.repository.MongoRepository;

interface LearnerRepository extends MongoRepository<Learner, String> {
}
