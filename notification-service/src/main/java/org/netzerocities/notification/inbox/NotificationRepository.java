package org.netzerocities.notification.inbox;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationRepository extends MongoRepository<Notification, String> {

    Page<Notification> findByMemberId(String memberId, Pageable pageable);

    Page<Notification> findByMemberIdAndReadAtIsNull(String memberId, Pageable pageable);

    Page<Notification> findByMemberIdAndReadAtIsNotNull(String memberId, Pageable pageable);

    Optional<Notification> findByIdAndMemberId(String id, String memberId);

    long deleteByMemberId(String memberId);
}
