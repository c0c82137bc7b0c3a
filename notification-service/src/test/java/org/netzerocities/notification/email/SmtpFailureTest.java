package org.netzerocities.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Which SMTP failures mark an address for good, and which are retried; what is kept of them names no address. */
class SmtpFailureTest {

    @Test
    void aRecipientRefusedWithA5xxReplyIsPermanent() throws Exception {
        Mailer.SmtpFailure failure = Mailer.SmtpFailure.of(refusedRecipient(550));

        assertThat(failure.permanent).isTrue();
        assertThat(failure.getMessage()).isEqualTo("SMTP 550");
    }

    @Test
    void aRecipientRefusedWithA4xxReplyIsTransient() throws Exception {
        Mailer.SmtpFailure failure = Mailer.SmtpFailure.of(refusedRecipient(452));

        assertThat(failure.permanent).isFalse();
        assertThat(failure.getMessage()).isEqualTo("SMTP 452");
    }

    @Test
    void anUnreachableServerIsTransientAndItsDescriptionHoldsNoAddress() {
        var unreachable = new MailSendException(Map.of("message", new MessagingException("Couldn't connect to host",
                new ConnectException("Connection refused"))));

        Mailer.SmtpFailure failure = Mailer.SmtpFailure.of(unreachable);

        assertThat(failure.permanent).isFalse();
        assertThat(failure.getMessage()).isEqualTo("ConnectException");
    }

    @Test
    void anAddressTheMailLibraryRejectsIsPermanent() {
        assertThat(Mailer.SmtpFailure.of(new MessagingException("bad", new AddressException("bad address")))
                .permanent).isTrue();
    }

    private static Exception refusedRecipient(int code) throws Exception {
        InternetAddress to = new InternetAddress("ana@example.org");
        var refused = new SMTPAddressFailedException(to, "RCPT TO:<ana@example.org>", code, code + " ana@example.org");
        var send = new SendFailedException("Invalid Addresses", refused, new InternetAddress[0],
                new InternetAddress[0], new InternetAddress[] { to });
        return new MailSendException(Map.of("message", send));
    }
}
