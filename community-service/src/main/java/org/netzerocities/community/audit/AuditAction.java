package org.netzerocities.community.audit;

/** What the audit log records: the acts of admins and moderators on members and on what every member agrees to. */
public enum AuditAction {
    ROLE_GRANTED, ROLE_REVOKED, MEMBER_SUSPENDED, MEMBER_REINSTATED, MEMBER_ERASED, MANIFESTO_PUBLISHED,
    TERMS_PUBLISHED, POST_HIDDEN
}
