package org.netzerocities.community.member;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import org.netzerocities.community.identity.PasswordHashing;
import org.netzerocities.community.member.OneTimeLinks.Purpose;
import org.netzerocities.community.quota.Quotas;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The account's own security: proving the address by a one-time link, resetting a forgotten password, changing
 * the password and the address. Each change of the member is one write of the member with the events announcing
 * it; the links travel only in those events, on the internal account-security topic.
 */
@Service
public class AccountService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    /** A member write that lost the race with another (the outbox relay's, mostly) is tried again this often. */
    private static final int WRITE_ATTEMPTS = 4;

    private final MemberRepository members;
    private final MemberService memberService;
    private final OneTimeLinks links;
    private final PasswordHashing passwords;
    private final LoginThrottle throttle;
    private final Quotas quotas;
    private final AccountProperties properties;
    private final EventFactory events;
    private final Clock clock;
    /**
     * Handles reset requests after the answer: the request takes the same time whether the address belongs to an
     * account or not. One thread, bounded: a flood of requests is dropped, not queued without end.
     */
    private final ExecutorService resets;

    AccountService(MemberRepository members, MemberService memberService, OneTimeLinks links,
            PasswordHashing passwords, LoginThrottle throttle, Quotas quotas, AccountProperties properties,
            EventFactory events, Clock clock) {
        this.members = members;
        this.memberService = memberService;
        this.links = links;
        this.passwords = passwords;
        this.throttle = throttle;
        this.quotas = quotas;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.resets = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.resetQueue()), runnable -> {
                    Thread thread = new Thread(runnable, "password-resets");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Sends the member a new verification link.
     *
     * @throws ApiProblem 409 when the address is verified already, 429 beyond the member's verification emails
     */
    public void resendVerification(String memberId) {
        Member member = memberService.get(memberId);
        if (member.emailVerified()) {
            throw ApiProblem.conflict("email-already-verified", "Your email address is verified already");
        }
        takeVerificationEmail(memberId);
        OneTimeLinks.Issued link = links.issue(Purpose.EMAIL_VERIFICATION, memberId, member.email());
        write(memberId, memberService::get, m -> {
            m.requestEmailVerification(link, now(), events);
            return true;
        });
        log.info("Verification link sent again to member {}", memberId);
    }

    /**
     * Follows a link that proves an address: a verification link verifies the member's address, an email change
     * link replaces it by the new one. Nothing changes when the link is refused.
     *
     * @throws ApiProblem 400 for an unknown, expired or used link, or one of an address the member no longer has;
     *                    409 when the new address was taken meanwhile
     */
    public void confirmEmail(String token) {
        OneTimeLinks.Used used = links.use(token, EnumSet.of(Purpose.EMAIL_VERIFICATION, Purpose.EMAIL_CHANGE))
                .orElseThrow(AccountService::invalidLink);
        undoneOnFailure(used, () -> {
            if (used.purpose() == Purpose.EMAIL_VERIFICATION) {
                write(used.memberId(), linkedMember(), m -> {
                    requireAddress(m, used);
                    return m.verifyEmail(memberService.zoneOf(m.city()), events);
                });
                log.info("Member {} verified their email address", used.memberId());
            }
            else {
                replaceEmail(used);
            }
        });
    }

    private void replaceEmail(OneTimeLinks.Used used) {
        try {
            write(used.memberId(), linkedMember(), m -> {
                if (m.email().equals(used.email())) {
                    return false; // a replay of this very change
                }
                if (members.findByEmail(used.email()).isPresent()) {
                    throw MemberService.emailTaken();
                }
                m.changeEmail(used.email(), memberService.zoneOf(m.city()), now(), events);
                return true;
            });
        }
        catch (DuplicateKeyException ex) {
            throw MemberService.emailTaken(); // taken by a registration at the same moment
        }
        log.info("Member {} changed their email address", used.memberId());
    }

    /**
     * Accepts a reset request: always the same answer at the same speed, whether the address belongs to an account
     * or not; the work is done afterwards.
     */
    public void requestPasswordReset(String email) {
        String address = MemberService.normaliseEmail(email);
        try {
            resets.execute(() -> sendPasswordReset(address));
        }
        catch (RejectedExecutionException ex) {
            log.warn("Password reset request dropped: {} requests are waiting already", properties.resetQueue());
        }
    }

    /** Sends a reset link to the address, if an account has it and the address is within its quota. */
    void sendPasswordReset(String email) {
        try {
            if (quotas.take("password-reset:" + Sha256.hex(email), properties.passwordResets(), now()).isPresent()) {
                log.info("Password reset request quietly dropped: too many for one address");
                return;
            }
            Optional<Member> member = members.findByEmail(email).filter(m -> !m.erased());
            if (member.isEmpty()) {
                log.info("Password reset requested for an address no account has");
                return;
            }
            String memberId = member.get().id();
            OneTimeLinks.Issued link = links.issue(Purpose.PASSWORD_RESET, memberId, email);
            write(memberId, linkedMember(), m -> {
                m.requestPasswordReset(link, now(), events);
                return true;
            });
            log.info("Password reset link sent to member {}", memberId);
        }
        catch (RuntimeException ex) {
            log.warn("Password reset request failed: {}", ex.getClass().getSimpleName());
        }
    }

    /**
     * Sets a new password with a reset link: every session of the member ends, and the address is proven.
     *
     * @throws ApiProblem 400 for an unknown, expired or used link, or one sent to an address the member no longer
     *                    has
     */
    public void resetPassword(String token, String password) {
        OneTimeLinks.Used used = links.use(token, EnumSet.of(Purpose.PASSWORD_RESET))
                .orElseThrow(AccountService::invalidLink);
        undoneOnFailure(used, () -> {
            String hash = passwords.hash(password);
            write(used.memberId(), linkedMember(), m -> {
                requireAddress(m, used);
                m.changePassword(hash, true, memberService.zoneOf(m.city()), now(), events);
                return true;
            });
        });
        log.info("Member {} reset their password", used.memberId());
    }

    /**
     * Changes the password of a member who knows the current one; every session ends.
     *
     * @param clientAddress where the request comes from: wrong passwords count as failed log-ins
     * @throws ApiProblem 403 when the current password is wrong, 429 after too many failures
     */
    public void changePassword(String memberId, String currentPassword, String newPassword, String clientAddress) {
        requirePassword(memberService.get(memberId), currentPassword, clientAddress);
        String hash = passwords.hash(newPassword);
        write(memberId, memberService::get, m -> {
            m.changePassword(hash, false, memberService.zoneOf(m.city()), now(), events);
            return true;
        });
        log.info("Member {} changed their password", memberId);
    }

    /**
     * Sends a link to the new address; the address changes when the link is followed.
     *
     * @throws ApiProblem 403 wrong password (429 after too many), 400 the current address, 409 an address another
     *                    account has, 429 beyond the member's verification emails
     */
    public void requestEmailChange(String memberId, String newEmail, String password, String clientAddress) {
        Member member = memberService.get(memberId);
        requirePassword(member, password, clientAddress);
        String email = MemberService.normaliseEmail(newEmail);
        if (email.equals(member.email())) {
            throw ApiProblem.invalid("newEmail", "is your current address");
        }
        if (members.findByEmail(email).isPresent()) {
            throw MemberService.emailTaken();
        }
        takeVerificationEmail(memberId);
        OneTimeLinks.Issued link = links.issue(Purpose.EMAIL_CHANGE, memberId, email);
        write(memberId, memberService::get, m -> {
            m.requestEmailChange(email, link, now(), events);
            return true;
        });
        log.info("Member {} asked to change their email address", memberId);
    }

    private void takeVerificationEmail(String memberId) {
        quotas.require("verification-email:" + memberId, properties.verificationEmails(), now(),
                "too-many-verification-emails", "Too many verification emails asked for: "
                        + properties.verificationEmails().describe("emails") + "; try again later");
    }

    /** The password check of a log-in, counted against the same quotas: no guessing through these routes. */
    private void requirePassword(Member member, String password, String clientAddress) {
        throttle.attempt(member.email(), clientAddress,
                        () -> Optional.of(member).filter(m -> passwords.matches(password, m.passwordHash())))
                .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "wrong-password", "Forbidden",
                        "The password is wrong"));
    }

    /**
     * Reads the member, applies {@code change} and writes the member with its new events if it changed; reads again
     * when another write came first (the version guards), so nothing newer is ever overwritten.
     */
    private void write(String memberId, Function<String, Member> read,
            Predicate<Member> change) {
        for (int attempt = 1;; attempt++) {
            Member member = read.apply(memberId);
            if (!change.test(member)) {
                return;
            }
            try {
                members.save(member);
                return;
            }
            catch (OptimisticLockingFailureException ex) {
                if (attempt == WRITE_ATTEMPTS) {
                    throw ex;
                }
            }
        }
    }

    /** The member a link was issued for; gone (erased) means the link is of no use. */
    private Function<String, Member> linkedMember() {
        return id -> memberService.find(id).orElseThrow(AccountService::invalidLink);
    }

    /** A link proves the address it was sent to, and only while the member still has it. */
    private static void requireAddress(Member member, OneTimeLinks.Used used) {
        if (!member.email().equals(used.email())) {
            throw invalidLink();
        }
    }

    /** Runs what a used link was for; when that fails or is refused, the link is usable again. */
    private void undoneOnFailure(OneTimeLinks.Used used, Runnable action) {
        try {
            action.run();
        }
        catch (RuntimeException ex) {
            links.release(used);
            throw ex;
        }
    }

    static ApiProblem invalidLink() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-link", "Bad Request",
                "The link is unknown, expired or used already; ask for a new one");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void destroy() {
        resets.shutdownNow();
    }
}
