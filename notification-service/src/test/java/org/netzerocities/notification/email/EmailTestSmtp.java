package org.netzerocities.notification.email;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail as the SMTP server of the tests, on the port the services send to: {@code spring.mail.port}, which the
 * build reserves (a free port) and hands to the test JVM; {@code config/application.yml}'s where a test runs alone.
 */
final class EmailTestSmtp {

    static final int PORT = Integer.getInteger("spring.mail.port", 39025);

    private EmailTestSmtp() {
    }

    /** One server for a test class (register it as a static extension). */
    static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }

    /** What {@code address} has received so far (tests run side by side share the server: one address each). */
    static List<MimeMessage> received(GreenMailExtension smtp, String address) {
        return List.of(smtp.getReceivedMessages()).stream().filter(mail -> sentTo(mail, address)).toList();
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
        }
        catch (MessagingException unreadable) {
            return false;
        }
    }
}
