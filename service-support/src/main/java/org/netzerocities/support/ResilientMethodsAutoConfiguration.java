package org.netzerocities.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * {@code @Retryable} on service methods: a read-modify-write of an aggregate that loses an optimistic-locking
 * race (to another request, or to the outbox relay, which bumps the version when it removes sent events) reads
 * the aggregate again and retries instead of answering 409.
 */
@AutoConfiguration
@EnableResilientMethods
public class ResilientMethodsAutoConfiguration {
}
