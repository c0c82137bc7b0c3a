package org.netzerocities.notification.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail as the SMTP server of the tests, on the port of {@code config/application.yml}. */
final class EmailTestSmtp {

    static final int PORT = 39025;

    private EmailTestSmtp() {
    }

    /** One server for a test class (register it as a static extension). */
    static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }
}
