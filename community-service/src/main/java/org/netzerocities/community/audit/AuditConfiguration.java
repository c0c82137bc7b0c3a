package org.netzerocities.community.audit;

import java.time.Clock;
import java.util.Map;

import org.netzerocities.community.member.MemberService;
import org.netzerocities.community.onboarding.Manifestos;
import org.netzerocities.community.terms.Terms;
import org.netzerocities.events.Periodic;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.ManifestoVersionPublished;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberReinstated;
import org.netzerocities.events.contract.community.MemberRoleGranted;
import org.netzerocities.events.contract.community.MemberRoleRevoked;
import org.netzerocities.events.contract.community.MemberSuspended;
import org.netzerocities.events.contract.community.PostHidden;
import org.netzerocities.events.contract.community.TermsVersionPublished;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.support.schedule.ClusterLease;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit log is derived from community-service's own events: an act and its announcement are one write, so an
 * entry derived from the announcement is never lost, and the event id as the entry's id keeps a redelivery from
 * doubling it. What the public events do not carry (a suspension's reason, who erased an account, who published a
 * manifesto version) is read where the same write kept it.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    EventHandler<MemberRoleGranted> auditRoleGranted(AuditLog audit) {
        return EventHandler.idempotent(EventCatalog.MEMBER_ROLE_GRANTED, (granted, event) -> audit.append(
                entry(event, AuditAction.ROLE_GRANTED, granted.grantedBy(), granted.memberId(), null,
                        role(granted.role(), granted.city()))));
    }

    /** A revocation by no one is the end of a city role when its holder moved to another city. */
    @Bean
    EventHandler<MemberRoleRevoked> auditRoleRevoked(AuditLog audit) {
        return EventHandler.idempotent(EventCatalog.MEMBER_ROLE_REVOKED, (revoked, event) -> audit.append(
                entry(event, AuditAction.ROLE_REVOKED, revoked.revokedBy(), revoked.memberId(),
                        revoked.revokedBy() == null ? "the member moved to another city" : null,
                        role(revoked.role(), revoked.city()))));
    }

    @Bean
    EventHandler<MemberSuspended> auditSuspension(AuditLog audit, MemberService members) {
        return EventHandler.idempotent(EventCatalog.MEMBER_SUSPENDED, (suspended, event) -> audit.append(
                noted(members, event, AuditAction.MEMBER_SUSPENDED, suspended.memberId())));
    }

    @Bean
    EventHandler<MemberReinstated> auditReinstatement(AuditLog audit, MemberService members) {
        return EventHandler.idempotent(EventCatalog.MEMBER_REINSTATED, (reinstated, event) -> audit.append(
                noted(members, event, AuditAction.MEMBER_REINSTATED, reinstated.memberId())));
    }

    @Bean
    EventHandler<MemberErased> auditErasure(AuditLog audit, MemberService members) {
        return EventHandler.idempotent(EventCatalog.MEMBER_ERASED, (erased, event) -> audit.append(
                noted(members, event, AuditAction.MEMBER_ERASED, erased.memberId())));
    }

    @Bean
    EventHandler<ManifestoVersionPublished> auditManifestoPublished(AuditLog audit, Manifestos manifestos) {
        return EventHandler.idempotent(EventCatalog.MANIFESTO_VERSION_PUBLISHED, (published, event) -> audit.append(
                entry(event, AuditAction.MANIFESTO_PUBLISHED, manifestos.publishedBy(published.version()).orElse(null),
                        "manifesto/" + published.version(), null, Map.of())));
    }

    @Bean
    EventHandler<TermsVersionPublished> auditTermsPublished(AuditLog audit, Terms terms) {
        return EventHandler.idempotent(EventCatalog.TERMS_VERSION_PUBLISHED, (published, event) -> audit.append(
                entry(event, AuditAction.TERMS_PUBLISHED, terms.publishedBy(published.version()).orElse(null),
                        "terms/" + published.version(), null, Map.of())));
    }

    /** The subject is the post's author: a member's entries then show what was done to what they wrote. */
    @Bean
    EventHandler<PostHidden> auditPostHidden(AuditLog audit) {
        return EventHandler.idempotent(EventCatalog.POST_HIDDEN, (hidden, event) -> audit.append(
                entry(event, AuditAction.POST_HIDDEN, hidden.moderatorId(), hidden.authorId(), hidden.reason(),
                        Map.of("postId", hidden.postId(), "threadId", hidden.threadId()))));
    }

    /** Once across instances: each would remove the same entries. */
    @Bean
    Periodic auditRetention(ClusterLease lease, AuditLog audit, AuditProperties properties, Clock clock) {
        return lease.every("audit-retention", properties.purgeInterval(),
                () -> audit.purgeBefore(clock.instant().minus(properties.retention())));
    }

    /** An act whose actor and reason the member's own write noted with the event's id. */
    private static AuditEntry noted(MemberService members, IncomingEvent event, AuditAction action, String memberId) {
        var note = members.adminNote(memberId, event.id());
        return entry(event, action, note.map(n -> n.actor()).orElse(null), memberId,
                note.map(n -> n.reason()).orElse(null), Map.of());
    }

    private static AuditEntry entry(IncomingEvent event, AuditAction action, String actor, String subject,
            String reason, Map<String, String> details) {
        return new AuditEntry(event.id(), event.time(), action, actor, subject, reason, details);
    }

    private static Map<String, String> role(String role, String city) {
        return city == null ? Map.of("role", role) : Map.of("role", role, "city", city);
    }
}
