package org.netzerocities.notification.email;

import java.nio.charset.StandardCharsets;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.netzerocities.events.consumer.DeliveryLog;
import org.netzerocities.notification.delivery.Channel;
import org.netzerocities.notification.delivery.NotificationsSent;
import org.netzerocities.notification.email.EmailTemplates.RenderedEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Sends one email through SMTP at most once: through the {@link DeliveryLog} (id = the email's deterministic id,
 * {@code PENDING} recorded before the SMTP call), so that a crash between sending and recording leaves the delivery
 * {@code UNKNOWN} for an operator rather than sending it twice. Tells transient failures (connection, 4xx replies),
 * which the caller retries, from permanent ones (5xx replies, an invalid address), which mark the address. What is
 * recorded of a failure is its SMTP code or type, never the address or the email's content.
 */
@Component
class Mailer {

    enum Result {
        /** Sent now, or by an earlier attempt. */
        SENT,
        /** An earlier attempt stopped midway or is still under way: not sent again. */
        NOT_SENT_AGAIN,
        /** The server or network failed for now: try again later. */
        TRANSIENT_FAILURE,
        /** The address is refused for good: it is now marked. */
        ADDRESS_FAILED
    }

    /** The RFC 8058 one-click headers of a non-critical email. */
    record Unsubscribe(String url) {
    }

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final String CHANNEL = "email";

    private final JavaMailSender smtp;
    private final DeliveryLog deliveries;
    private final FailingAddresses failing;
    private final InternetAddress from;
    private final MeterRegistry meters;
    private final Counter sentByEmail;

    Mailer(JavaMailSender smtp, DeliveryLog deliveries, FailingAddresses failing, EmailSettings settings,
            MeterRegistry meters) throws AddressException {
        this.smtp = smtp;
        this.deliveries = deliveries;
        this.failing = failing;
        this.from = new InternetAddress(settings.from(), true);
        this.meters = meters;
        this.sentByEmail = NotificationsSent.counter(meters, Channel.EMAIL);
    }

    /**
     * @param kind        for the log and the metrics (a notification kind or an account email)
     * @param unsubscribe null for critical emails, which carry no unsubscribe header
     */
    Result send(String id, String kind, String address, RenderedEmail email, Unsubscribe unsubscribe) {
        InternetAddress to;
        try {
            to = new InternetAddress(address, true);
        }
        catch (AddressException invalid) {
            failing.mark(address, "invalid address");
            log.warn("Email {} ({}) not sent: the member's address is invalid; marked", id, kind);
            return Result.ADDRESS_FAILED;
        }
        try {
            DeliveryLog.Outcome outcome = deliveries.deliverOnce(id, CHANNEL, () -> transmit(to, email, unsubscribe));
            switch (outcome) {
                case SENT -> {
                    meters.counter("nzc.notifications.emails.sent", "kind", kind).increment();
                    sentByEmail.increment();
                    log.info("Email {} ({}) sent", id, kind);
                    return Result.SENT;
                }
                case ALREADY_SENT -> {
                    return Result.SENT;
                }
                case UNKNOWN -> {
                    meters.counter("nzc.notifications.emails.unknown", "kind", kind).increment();
                    return Result.NOT_SENT_AGAIN;
                }
                default -> {
                    return Result.NOT_SENT_AGAIN;
                }
            }
        }
        catch (SmtpFailure failure) {
            if (failure.permanent) {
                failing.mark(address, failure.getMessage());
                meters.counter("nzc.notifications.emails.failed", "kind", kind, "failure", "permanent").increment();
                log.warn("Email {} ({}) refused for good ({}): address marked", id, kind, failure.getMessage());
                return Result.ADDRESS_FAILED;
            }
            meters.counter("nzc.notifications.emails.failed", "kind", kind, "failure", "transient").increment();
            log.warn("Email {} ({}) not sent for now ({}): retried later", id, kind, failure.getMessage());
            return Result.TRANSIENT_FAILURE;
        }
    }

    private String transmit(InternetAddress to, RenderedEmail email, Unsubscribe unsubscribe) {
        try {
            MimeMessage message = smtp.createMimeMessage();
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, to);
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setHeader("Auto-Submitted", "auto-generated");
            if (unsubscribe != null) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribe.url() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
            message.setContent(alternatives);
            smtp.send(message);
            return "sent";
        }
        catch (MessagingException | MailException ex) {
            throw SmtpFailure.of(ex);
        }
    }

    /** A failed SMTP call, described without the address or content (the DeliveryLog keeps the message). */
    static final class SmtpFailure extends RuntimeException {

        final boolean permanent;

        private SmtpFailure(boolean permanent, String detail) {
            super(detail, null, false, false);
            this.permanent = permanent;
        }

        static SmtpFailure of(Exception failure) {
            for (Throwable cause = failure; cause != null; cause = next(cause)) {
                int code = replyCode(cause);
                if (code >= 400) {
                    return new SmtpFailure(code >= 500, "SMTP " + code);
                }
                if (cause instanceof AddressException) {
                    return new SmtpFailure(true, "invalid address");
                }
            }
            if (failure instanceof MailAuthenticationException) {
                return new SmtpFailure(false, "SMTP authentication failed");
            }
            return new SmtpFailure(false, rootCause(failure).getClass().getSimpleName());
        }

        private static int replyCode(Throwable cause) {
            if (cause instanceof SMTPAddressFailedException refused) {
                return refused.getReturnCode();
            }
            if (cause instanceof SMTPSenderFailedException refused) {
                return refused.getReturnCode();
            }
            if (cause instanceof SMTPSendFailedException refused) {
                return refused.getReturnCode();
            }
            return -1;
        }

        private static Throwable next(Throwable cause) {
            if (cause instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
                return send.getFailedMessages().values().iterator().next();
            }
            if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
                return messaging.getNextException();
            }
            return cause.getCause() == cause ? null : cause.getCause();
        }

        private static Throwable rootCause(Throwable failure) {
            Throwable root = failure;
            while (next(root) != null) {
                root = next(root);
            }
            return root;
        }
    }
}
