package org.netzerocities.notification.email;

import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the email of one {@link EmailRequest} to the member's current address in their language: skipped for an
 * erased member, an unverified address (when {@code require-verified}) and an address marked as failing; non-critical
 * emails carry the one-click unsubscribe link of their category.
 */
@Component
class NotificationEmails {

    /** What is left to do for a request. */
    enum Next {
        DONE,
        /** The member's contact has not arrived yet. */
        WAIT_FOR_CONTACT,
        /** The SMTP server failed for now. */
        RETRY
    }

    private static final Logger log = LoggerFactory.getLogger(NotificationEmails.class);

    private final MemberContactRepository contacts;
    private final RefusedMembers refused;
    private final FailingAddresses failing;
    private final UnsubscribeTokens tokens;
    private final EmailTemplates templates;
    private final Mailer mailer;
    private final boolean requireVerified;

    NotificationEmails(MemberContactRepository contacts, RefusedMembers refused, FailingAddresses failing,
            UnsubscribeTokens tokens, EmailTemplates templates, Mailer mailer, EmailSettings settings) {
        this.contacts = contacts;
        this.refused = refused;
        this.failing = failing;
        this.tokens = tokens;
        this.templates = templates;
        this.mailer = mailer;
        this.requireVerified = settings.requireVerified();
    }

    Next send(EmailRequest request) {
        MemberContact contact = contacts.findById(request.memberId()).orElse(null);
        if (contact == null || contact.email() == null || contact.email().isBlank()) {
            if (refused.wasErased(request.memberId())) {
                log.info("Email {} dropped: member {} was erased", request.id(), request.memberId());
                return Next.DONE;
            }
            return Next.WAIT_FOR_CONTACT;
        }
        Kind kind = request.kind();
        if (requireVerified && !kind.critical() && !Boolean.TRUE.equals(contact.emailVerified())) {
            log.info("Email {} ({}) skipped: member {} has not verified their address", request.id(), kind,
                    request.memberId());
            return Next.DONE;
        }
        if (failing.isMarked(contact.email())) {
            log.info("Email {} ({}) skipped: the address of member {} is marked as failing", request.id(), kind,
                    request.memberId());
            return Next.DONE;
        }
        Mailer.Unsubscribe unsubscribe = kind.critical() ? null
                : new Mailer.Unsubscribe(templates.unsubscribeUrl(tokens.issue(request.memberId(), kind.category())));
        EmailTemplates.RenderedEmail email = templates.notification(request, contact,
                unsubscribe == null ? null : unsubscribe.url());
        return mailer.send(request.id(), kind.name(), contact.email(), email, unsubscribe)
                == Mailer.Result.TRANSIENT_FAILURE ? Next.RETRY : Next.DONE;
    }
}
