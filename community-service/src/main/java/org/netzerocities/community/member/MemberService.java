package org.netzerocities.community.member;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.netzerocities.community.call.CallsToJoin;
import org.netzerocities.community.city.City;
import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.community.identity.PasswordHashing;
import org.netzerocities.community.terms.Terms;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

@Service
public class MemberService {

    private static final Logger log = LoggerFactory.getLogger(MemberService.class);

    private final MemberRepository members;
    private final MongoTemplate mongo;
    private final CityCatalog cities;
    private final CallsToJoin calls;
    private final RefusedMembers refusedMembers;
    private final PasswordHashing passwords;
    private final OneTimeLinks links;
    private final EventFactory events;
    private final Clock clock;
    private final ApplicationEventPublisher published;
    private final Terms terms;
    /** Compared against when the email is unknown. */
    private final String unknownAccountHash;

    MemberService(MemberRepository members, MongoTemplate mongo, CityCatalog cities, CallsToJoin calls,
            RefusedMembers refusedMembers, PasswordHashing passwords, OneTimeLinks links, EventFactory events,
            Clock clock, ApplicationEventPublisher published, Terms terms) {
        this.links = links;
        this.published = published;
        this.terms = terms;
        this.calls = calls;
        this.refusedMembers = refusedMembers;
        this.members = members;
        this.mongo = mongo;
        this.cities = cities;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.unknownAccountHash = passwords.hash(UUID.randomUUID().toString());
    }

    /**
     * Registers a citizen and records {@code MemberJoined} with the account, attributed to the local call to join
     * whose code they came with and to the social campaign reference they carry (recorded as given: campaign-service
     * counts it). The same write asks the member to verify their address ({@code EmailVerificationRequested}).
     *
     * @throws ApiProblem 400 without the acceptance of the terms in force or the confirmation of the minimum age,
     *                    for an unknown city or a call code that is unknown, closed or of another city; 409 when
     *                    the email is taken
     */
    Member register(Registration registration) {
        terms.requireConsent(registration.termsVersion(), registration.minimumAgeConfirmed());
        City city = cities.find(registration.city()).orElseThrow(
                () -> ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)"));
        String callCode = registration.callCode() == null ? null
                : calls.requireOpen(registration.callCode(), registration.city());
        String email = normaliseEmail(registration.email());
        if (members.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        var details = new Member.NewMember(email, registration.displayName().strip(), registration.city(),
                normalise(registration.languages()), normalise(registration.interests()), callCode,
                registration.campaignRef(), registration.termsVersion());
        String id = UUID.randomUUID().toString();
        // stored first: a registration that fails afterwards leaves only a link to no account, which expires
        OneTimeLinks.Issued verification = links.issue(OneTimeLinks.Purpose.EMAIL_VERIFICATION, id, email);
        Member member = Member.join(id, details, passwords.hash(registration.password()), ZoneId.of(city.timeZone()),
                now(), events);
        member.requestEmailVerification(verification, now(), events);
        try {
            member = members.insert(member);
        }
        catch (DuplicateKeyException ex) {
            throw emailTaken(); // a concurrent registration with the same email won
        }
        log.info("Member {} joined in city {}, accepting terms version {}", member.id(), member.city(),
                member.termsVersion());
        return member;
    }

    /**
     * The member with these credentials, if they match. A password hash made with other parameters than
     * those configured now is replaced while the password is at hand.
     */
    Optional<Member> authenticate(String email, String password) {
        Optional<Member> member = members.findByEmail(normaliseEmail(email)).filter(m -> !m.erased());
        if (member.isEmpty()) {
            passwords.matches(password, unknownAccountHash); // same work either way: no account enumeration by timing
            return Optional.empty();
        }
        Optional<Member> authenticated = member.filter(m -> passwords.matches(password, m.passwordHash()));
        authenticated.filter(m -> passwords.isOutdated(m.passwordHash())).ifPresent(m -> rehash(m, password));
        return authenticated;
    }

    /**
     * Writes the new hash alone, never the whole member: a save would also write back the outbox as it was
     * read, undoing what the relay removed meanwhile. The version still goes up (MongoTemplate does that for a
     * versioned entity), so a stale save of the member fails rather than restoring the old hash; matching the
     * old hash leaves alone a password changed meanwhile.
     */
    private void rehash(Member member, String password) {
        Query current = Query.query(
                Criteria.where("_id").is(member.id()).and("passwordHash").is(member.passwordHash()));
        if (mongo.updateFirst(current, Update.update("passwordHash", passwords.hash(password)), Member.class)
                .getModifiedCount() > 0) {
            log.info("Password hash of member {} upgraded to the current parameters", member.id());
        }
    }

    /** A member whose account exists; an erased one is as gone as an unknown id. */
    public Member get(String id) {
        return find(id).orElseThrow(() -> ApiProblem.notFound("Member " + id));
    }

    Optional<Member> find(String id) {
        return members.findById(id).filter(member -> !member.erased());
    }

    /**
     * Applies a JSON merge patch to the member's own profile and announces it.
     *
     * @throws ApiProblem 400 naming every field at fault; nothing changes then
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public Member editProfile(String memberId, JsonNode patch) {
        Member member = get(memberId);
        ProfilePatch.ProfileEdit edit = ProfilePatch.apply(member, patch, cities::exists);
        if (member.edit(edit, zoneOf(edit.city()), now(), events)) {
            member = members.save(member);
            log.info("Member {} edited their profile", memberId);
        }
        return member;
    }

    /**
     * Grants a role if the granter's roles allow it. City-bound roles default to the member's city. A save that
     * loses the race with another write (the outbox relay bumps the version when it removes sent events, right
     * after a registration) reads the member again and retries.
     *
     * @throws ApiProblem 404 unknown member, 400 unknown city, 403 not allowed
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public Member grantRole(String memberId, RoleGrantRequest request, Caller granter) {
        Member member = get(memberId);
        String city = request.role().cityBound()
                ? Optional.ofNullable(request.city()).orElse(member.city())
                : null;
        if (request.role().cityBound() && !cities.exists(city)) {
            throw ApiProblem.invalid("city", "a " + request.role() + " role needs a Cities Mission city id");
        }
        RoleGrant grant = new RoleGrant(request.role(), city);
        if (!RolePolicy.mayGrant(granter, grant)) {
            throw ApiProblem.forbidden("You may not grant " + grant.role() + (city == null ? "" : " in " + city));
        }
        if (member.grant(grant, granter.memberId(), now(), events)) {
            member = members.save(member);
            log.info("Member {} granted {} {}", memberId, grant.role(), city == null ? "" : city);
        }
        return member;
    }

    /**
     * Ends a role if the revoker's roles allow it (the same rule as granting). Every account stays a member.
     *
     * @throws ApiProblem 404 unknown member, 400 an unknown city or the member role, 403 not
     *                    allowed, 409 an admin revoking their own admin role
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public Member revokeRole(String memberId, Role role, String city, Caller revoker) {
        if (role == Role.MEMBER) {
            throw ApiProblem.invalid("role", "every account is a member; erase the account instead");
        }
        Member member = get(memberId);
        String roleCity = role.cityBound() ? Optional.ofNullable(city).orElse(member.city()) : null;
        if (role.cityBound() && !cities.exists(roleCity)) {
            throw ApiProblem.invalid("city", "a " + role + " role needs a Cities Mission city id");
        }
        RoleGrant grant = new RoleGrant(role, roleCity);
        if (!RolePolicy.mayGrant(revoker, grant)) {
            throw ApiProblem.forbidden("You may not revoke " + role + (roleCity == null ? "" : " in " + roleCity));
        }
        if (role == Role.ADMIN && memberId.equals(revoker.memberId())) {
            throw ApiProblem.conflict("own-admin-role", "Admins cannot revoke their own admin role");
        }
        if (member.revoke(grant, revoker.memberId(), now(), events)) {
            member = members.save(member);
            log.info("Member {} lost {} {}", memberId, role, roleCity == null ? "" : roleCity);
        }
        return member;
    }

    /**
     * Records the member's acceptance of the terms in force.
     *
     * @throws ApiProblem 409 for a version replaced since, 400 for one never published
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public void acceptTerms(String memberId, int version) {
        terms.requireAcceptable(version);
        Member member = get(memberId);
        if (member.acceptTerms(version)) {
            members.save(member);
            log.info("Member {} accepted terms version {}", memberId, version);
        }
    }

    /** Whether the member is asked to accept a version of the terms newer than the one they last accepted. */
    boolean termsAcceptanceRequired(Member member) {
        return terms.acceptanceRequired(member.termsVersion());
    }

    /**
     * Erases the member's own account: one write replaces it with a stub that announces the erasure. Every other
     * part of the platform drops what it holds on receiving {@code MemberErased}.
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public void erase(String memberId) {
        erase(get(memberId), memberId);
    }

    /**
     * An admin erases a member's account on request, by the same path as the member's own erasure.
     *
     * @throws ApiProblem 404 unknown member, 409 the admin's own account or another admin's
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public void eraseOnRequest(String memberId, Caller admin) {
        Member member = get(memberId);
        requireNoAdmin(member, admin, "erase");
        erase(member, admin.memberId());
    }

    /** @param erasedBy the member themselves, or the admin who erases the account on the member's request */
    private void erase(Member member, String erasedBy) {
        member.erase(erasedBy, now(), events);
        members.save(member);
        links.forget(member.id()); // they hold the member's addresses
        // refused here at once; every service (this one included) also learns it from MemberErased
        refusedMembers.refuse(member.id(), RefusedMembers.Reason.ERASED);
        log.info("Member {} erased by {}", member.id(),
                member.id().equals(erasedBy) ? "themselves" : "admin " + erasedBy);
    }

    /**
     * An admin suspends a member: their sessions end, logging in is refused, and every service refuses their
     * tokens (this one at once, the others on {@code MemberSuspended}). Suspending a suspended member changes
     * nothing.
     *
     * @throws ApiProblem 404 unknown member, 409 the admin's own account or another admin's
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public Member suspend(String memberId, String reason, Caller admin) {
        Member member = get(memberId);
        requireNoAdmin(member, admin, "suspend");
        if (member.suspend(reason, admin.memberId(), now(), events)) {
            member = members.save(member);
            refusedMembers.refuse(memberId, RefusedMembers.Reason.SUSPENDED);
            log.info("Member {} suspended by admin {}", memberId, admin.memberId());
        }
        return member;
    }

    /**
     * An admin ends a member's suspension; reinstating an active member changes nothing.
     *
     * @param reason why, or {@code null}
     * @throws ApiProblem 404 unknown member
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public Member reinstate(String memberId, String reason, Caller admin) {
        Member member = get(memberId);
        if (member.reinstate(reason, admin.memberId(), now(), events)) {
            member = members.save(member);
            refusedMembers.reinstate(memberId);
            log.info("Member {} reinstated by admin {}", memberId, admin.memberId());
        }
        return member;
    }

    /**
     * Admins act on members, not on each other: an admin account is suspended or erased only once its admin role
     * was revoked (itself audited), so that no single admin locks the others out. An admin's own account is not
     * theirs to suspend, and they erase it as members do.
     */
    private static void requireNoAdmin(Member member, Caller admin, String action) {
        if (member.id().equals(admin.memberId())) {
            throw ApiProblem.conflict("own-account", "Admins cannot " + action + " their own account here");
        }
        if (member.holds(Role.ADMIN, null)) {
            throw ApiProblem.conflict("admin-account",
                    "Admins cannot " + action + " another admin: revoke the admin role first");
        }
    }

    /** The note an admin left with one of the member's events, for the audit log; erased members' stubs too. */
    public Optional<Member.AdminNote> adminNote(String memberId, String eventId) {
        return members.findById(memberId).flatMap(member -> member.adminNote(eventId));
    }

    /**
     * Voids every session of the member (their refresh tokens, the one in use included), in the member's own
     * write, as a password change does.
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public void endAllSessions(String memberId) {
        Member member = get(memberId);
        member.endAllSessions(now());
        members.save(member);
        log.info("Member {} ended all their sessions", memberId);
    }

    MemberView view(Member member) {
        return MemberView.of(member, zoneOf(member.city()), termsAcceptanceRequired(member));
    }

    /** The time zone of a city; members without one of their own live in it. */
    ZoneId zoneOf(String city) {
        return cities.find(city).map(c -> ZoneId.of(c.timeZone())).orElse(ZoneOffset.UTC);
    }

    /** Millisecond precision: what MongoDB stores, so an answer matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Creates the configured operator account unless it exists; returns whether it was created. */
    boolean ensureOperator(String email, String password) {
        String normalised = normaliseEmail(email);
        if (members.findByEmail(normalised).isPresent()) {
            return false;
        }
        try {
            Member operator = members.insert(Member.operator(UUID.randomUUID().toString(), normalised,
                    passwords.hash(password), now()));
            published.publishEvent(new OperatorCreated(operator.id(), operator.displayName()));
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false; // another instance created it at the same moment
        }
    }

    static ApiProblem emailTaken() {
        return ApiProblem.conflict("email-taken", "An account with this email already exists");
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> normalise(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).distinct()
                        .toList();
    }
}
