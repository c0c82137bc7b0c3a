package org.netzerocities.community.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.netzerocities.community.quota.QuotaProperties;
import org.netzerocities.community.quota.Quotas;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bounds password guessing: each log-in takes an attempt of its account's quota and of its client address's; a
 * successful one gives them back, so only failures add up. Once either quota is used up, log-ins are refused (429)
 * before the password is checked, whether it is right or not, until the window ends. An unknown email has a quota
 * like an existing account's, so that the answers tell nothing about which accounts exist. Accounts are keyed by
 * a digest of the normalised email, never the address itself.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Quotas quotas;
    private final QuotaProperties.Login limits;
    private final Clock clock;

    LoginThrottle(Quotas quotas, QuotaProperties properties, Clock clock) {
        this.quotas = quotas;
        this.limits = properties.login();
        this.clock = clock;
    }

    /**
     * Runs {@code logIn} within the account's and the address's quotas.
     *
     * @throws ApiProblem 429 {@code too-many-log-ins} with {@code Retry-After} when either quota is used up
     */
    Optional<Member> attempt(String email, String address, Supplier<Optional<Member>> logIn) {
        Instant now = clock.instant();
        String account = accountKey(email);
        String client = addressKey(address);
        Optional<Duration> wait = quotas.take(account, limits.perAccount(), now);
        if (wait.isEmpty()) {
            wait = quotas.take(client, limits.perAddress(), now);
            if (wait.isPresent()) {
                quotas.giveBack(account);
            }
        }
        if (wait.isPresent()) {
            log.info("Log-in refused: too many failures, retry in {} s", wait.get().toSeconds());
            throw Quotas.exceeded("too-many-log-ins", "Too many failed log-ins; try again later", wait.get());
        }
        Optional<Member> member = logIn.get();
        if (member.isPresent()) {
            quotas.clear(account);
            quotas.giveBack(client);
        }
        return member;
    }

    static String accountKey(String email) {
        return "log-in:account:" + Sha256.hex(MemberService.normaliseEmail(email));
    }

    static String addressKey(String address) {
        return "log-in:address:" + address;
    }
}
