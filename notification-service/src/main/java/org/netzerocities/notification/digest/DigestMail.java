package org.netzerocities.notification.digest;

import java.util.List;

import org.netzerocities.notification.delivery.EmailRequest;

/** Where composed digests go: the email topic in the service. */
@FunctionalInterface
public interface DigestMail {

    /** Returns once every digest is safely handed over (the broker acknowledged); throws when one was not. */
    void send(List<EmailRequest> digests) throws Exception;
}
