package org.netzerocities.notification.contact;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface MemberContactRepository extends MongoRepository<MemberContact, String> {
}
