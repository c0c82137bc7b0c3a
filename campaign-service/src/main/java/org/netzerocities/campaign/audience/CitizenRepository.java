package org.netzerocities.campaign.audience;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CitizenRepository extends MongoRepository<Citizen, String> {
}
