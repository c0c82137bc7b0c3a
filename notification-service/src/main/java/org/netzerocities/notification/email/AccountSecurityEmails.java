package org.netzerocities.notification.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.consumer.RetryLaterException;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.EmailChangeRequested;
import org.netzerocities.events.contract.community.EmailChanged;
import org.netzerocities.events.contract.community.EmailVerificationRequested;
import org.netzerocities.events.contract.community.PasswordChanged;
import org.netzerocities.events.contract.community.PasswordResetRequested;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.email.EmailTemplates.AccountEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The account-security emails of community-service's internal topic: always sent, whatever the member's
 * preferences, budget, quiet hours or verification (a verification goes to the unverified address; an email change
 * is confirmed at the new address and announced to the previous one), never with an unsubscribe link, and never
 * through the inbox. Their one-time links exist only in the email: not logged, not stored (the delivery record keeps
 * the state only). A missing contact or a transient SMTP failure is retried by the event consumer with back-off
 * until the link expires (or {@code give-up-after} for the notices without a link); then it is dropped, with a log
 * line. An address once refused for good is still tried (the member asked for this email), and cleared on success.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurityEmails {

    private static final Logger log = LoggerFactory.getLogger(AccountSecurityEmails.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    @Bean
    EventHandler<EmailVerificationRequested> verificationEmail(AccountMail mail) {
        return EventHandler.on(EventCatalog.EMAIL_VERIFICATION_REQUESTED, (requested, event) -> mail.send(event,
                AccountEmail.EMAIL_VERIFICATION, requested.memberId(), null, requested.link(),
                requested.expiresAt()));
    }

    @Bean
    EventHandler<PasswordResetRequested> passwordResetEmail(AccountMail mail) {
        return EventHandler.on(EventCatalog.PASSWORD_RESET_REQUESTED, (requested, event) -> mail.send(event,
                AccountEmail.PASSWORD_RESET, requested.memberId(), null, requested.link(), requested.expiresAt()));
    }

    @Bean
    EventHandler<EmailChangeRequested> emailChangeEmail(AccountMail mail) {
        return EventHandler.on(EventCatalog.EMAIL_CHANGE_REQUESTED, (requested, event) -> mail.send(event,
                AccountEmail.EMAIL_CHANGE, requested.memberId(), requested.newEmail(), requested.link(),
                requested.expiresAt()));
    }

    @Bean
    EventHandler<EmailChanged> emailChangedNotice(AccountMail mail) {
        return EventHandler.on(EventCatalog.EMAIL_CHANGED, (changed, event) -> mail.send(event,
                AccountEmail.EMAIL_CHANGED, changed.memberId(), changed.previousEmail(), null, null));
    }

    @Bean
    EventHandler<PasswordChanged> passwordChangedNotice(AccountMail mail) {
        return EventHandler.on(EventCatalog.PASSWORD_CHANGED, (changed, event) -> mail.send(event,
                AccountEmail.PASSWORD_CHANGED, changed.memberId(), null, null, null));
    }

    @Bean
    AccountMail accountMail(MemberContactRepository contacts, EmailTemplates templates, Mailer mailer,
            FailingAddresses failing, EmailSettings settings, Clock clock) {
        return new AccountMail(contacts, templates, mailer, failing, settings, clock);
    }

    /** Sends one account-security email; the delivery id is derived from the event id, so a replay sends nothing. */
    static final class AccountMail {

        private final MemberContactRepository contacts;
        private final EmailTemplates templates;
        private final Mailer mailer;
        private final FailingAddresses failing;
        private final EmailSettings settings;
        private final Clock clock;

        AccountMail(MemberContactRepository contacts, EmailTemplates templates, Mailer mailer,
                FailingAddresses failing, EmailSettings settings, Clock clock) {
            this.contacts = contacts;
            this.templates = templates;
            this.mailer = mailer;
            this.failing = failing;
            this.settings = settings;
            this.clock = clock;
        }

        /**
         * @param address   where to send, or null for the member's current address
         * @param expiresAt when the link stops working, or null (a notice without a link)
         */
        void send(IncomingEvent event, AccountEmail email, String memberId, String address, String link,
                Instant expiresAt) {
            String id = "account-" + event.id();
            Instant deadline = expiresAt != null ? expiresAt : event.time().plus(settings.giveUpAfter());
            if (clock.instant().isAfter(deadline)) {
                log.warn("Account email {} ({}) for member {} dropped: too late to be of use", id, email, memberId);
                return;
            }
            MemberContact contact = contacts.findById(memberId).orElse(null);
            String to = address != null ? address : contact == null ? null : contact.email();
            if (to == null || to.isBlank()) {
                throw new RetryLaterException("contact of member " + memberId + " not here yet for " + id);
            }
            Map<String, String> params = new HashMap<>();
            if (expiresAt != null) {
                params.put("expiresAt", WHEN.format(expiresAt));
            }
            params.put("changedAt", WHEN.format(event.time()));
            String language = contact == null ? null : contact.language();
            var rendered = templates.account(email, language, contact == null ? null : contact.displayName(), link,
                    params);
            switch (mailer.send(id, email.name(), to, rendered, null)) {
                case SENT -> failing.clear(to);
                case TRANSIENT_FAILURE -> throw new RetryLaterException("SMTP failed for now for " + id);
                case ADDRESS_FAILED, NOT_SENT_AGAIN -> {
                }
            }
        }
    }
}
