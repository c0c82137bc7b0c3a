package org.netzerocities.learning.certificate;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CertificateRepository extends MongoRepository<Certificate, String> {

    Optional<Certificate> findByVerificationCode(String verificationCode);

    boolean existsByEnrollmentId(String enrollmentId);

    List<Certificate> findByMemberIdOrderByIssuedAt(String memberId);
}
