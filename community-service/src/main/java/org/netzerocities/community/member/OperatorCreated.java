package org.netzerocities.community.member;

/**
 * An operator account was created at start-up: published in-process only (an operator is not a citizen, so no
 * {@code MemberJoined} announces it), for the features that must know every account, such as the boards' names.
 */
public record OperatorCreated(String memberId, String displayName) {
}
