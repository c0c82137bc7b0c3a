package org.netzerocities.community.call;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CallRepository extends MongoRepository<CallToJoin, String> {

    Optional<CallToJoin> findByCode(String code);

    Page<CallToJoin> findByCity(String city, Pageable pageable);

    List<CallToJoin> findByCityOrderByLaunchedAtDesc(String city);

    List<CallToJoin> findByLaunchedByOrderByLaunchedAtDesc(String launchedBy);
}
