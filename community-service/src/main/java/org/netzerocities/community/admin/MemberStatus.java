package org.netzerocities.community.admin;

/** Whether a member may use the platform: the admins' view of an account. */
public enum MemberStatus {
    ACTIVE, SUSPENDED
}
