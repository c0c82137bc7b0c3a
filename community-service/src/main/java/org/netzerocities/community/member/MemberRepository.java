package org.netzerocities.community.member;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface MemberRepository extends MongoRepository<Member, String> {

    /** By the unique email index; an exists-query would count, which the embedded server does by a full scan. */
    Optional<Member> findByEmail(String email);
}
