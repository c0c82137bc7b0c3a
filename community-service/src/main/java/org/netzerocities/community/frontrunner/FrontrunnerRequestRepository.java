package org.netzerocities.community.frontrunner;

import org.springframework.data.mongodb.repository.MongoRepository;

interface FrontrunnerRequestRepository extends MongoRepository<FrontrunnerRequest, String> {
}
