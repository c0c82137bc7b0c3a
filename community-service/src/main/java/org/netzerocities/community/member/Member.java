package org.netzerocities.community.member;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.EmailChangeRequested;
import org.netzerocities.events.contract.community.EmailChanged;
import org.netzerocities.events.contract.community.EmailVerificationRequested;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.contract.community.MemberReinstated;
import org.netzerocities.events.contract.community.MemberRoleGranted;
import org.netzerocities.events.contract.community.MemberRoleRevoked;
import org.netzerocities.events.contract.community.PasswordChanged;
import org.netzerocities.events.contract.community.PasswordResetRequested;
import org.netzerocities.events.contract.community.MemberSuspended;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityGrant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered account and its profile. Its unsent events travel in the same document, so every change and
 * the events announcing it are one atomic write. An erased account stays as a stub that holds no personal
 * data: its id (never reused) and the events announcing the erasure until they are sent.
 */
@Document(Member.COLLECTION)
public class Member implements OutboxAggregate {

    public static final String COLLECTION = "members";
    /** Field names the directory, the city view and the boards' name index query on. */
    public static final String DISPLAY_NAME = "displayName";
    public static final String CITY = "city";
    public static final String ROLES = "roles";
    public static final String INTERESTS = "interests";
    public static final String LANGUAGES = "languages";
    public static final String KEYWORDS = "keywords";
    public static final String SORT_NAME = "sortName";
    public static final String DIRECTORY_VISIBLE = "directoryVisible";
    public static final String JOINED_AT = "joinedAt";
    public static final String JOINED_WEEK = "joinedWeek";
    public static final String CALL_CODE = "callCode";
    public static final String ERASED_AT = "erasedAt";
    /** Field names the admins' member search queries on. */
    public static final String EMAIL = "email";
    public static final String SUSPENDED_AT = "suspendedAt";
    public static final String EMAIL_VERIFIED = "emailVerified";
    /** The admin notes kept for the audit log: {@link AdminNote}. */
    public static final String ADMIN_NOTES = "adminNotes";
    /**
     * Notes kept per member: far more than the suspensions and reinstatements that can happen before the audit log
     * has read the first one's note, yet a bound on what an admin's back-and-forth can add to the document.
     */
    static final int MAX_ADMIN_NOTES = 50;

    @Id
    private final String id;
    @Indexed(unique = true)
    private String email;
    private String passwordHash;
    private String displayName;
    private String bio;
    private SocialHandles socialHandles;
    /** IANA zone the member chose, or {@code null} for their city's. */
    private String timeZone;
    @Indexed
    private String city;
    private List<String> languages;
    private List<String> interests;
    /** Normalised words of the display name and bio: the directory's prefix search (no {@code $text} here). */
    private List<String> keywords;
    /** Normalised display name: the directory's alphabetical order, accent- and case-insensitive. */
    private String sortName;
    private final String callCode;
    private final String campaignRef;
    private final Set<RoleGrant> roles;
    /** Opt-in: members are not listed in the directory until they choose to be. */
    private boolean directoryVisible;
    private final Instant joinedAt;
    /** ISO week of joining ({@code 2026-W48}), precomputed: the embedded server has no {@code $isoWeek}. */
    private final String joinedWeek;
    private Instant erasedAt;
    /** Whether the member proved they own {@link #email} by following a verification link. */
    private boolean emailVerified;
    /** The version of the terms and privacy notice the member last accepted, or {@code null}. */
    private Integer termsVersion;
    /** When an admin suspended the member, or {@code null}: a suspended member's tokens are refused everywhere. */
    private Instant suspendedAt;
    /**
     * Refresh tokens of a login before this instant are void (set on a password reset or change, and when the
     * member ends all sessions) without touching the sessions' own records; {@code null}: none voided.
     */
    private Instant sessionsValidAfter;
    /**
     * Who suspended, reinstated or erased the member and why, each keyed by the id of the event announcing it:
     * public events do not carry the reason, so the audit log reads it here. Written in the same write as the
     * event, so that the audit entry derived from the event can never miss its reason; kept by the erased stub too,
     * since the audit log may read the note after the erasure.
     */
    private List<AdminNote> adminNotes;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Member(String id, String email, String passwordHash, String displayName, String bio,
            SocialHandles socialHandles, String timeZone, String city, List<String> languages,
            List<String> interests, List<String> keywords, String sortName, String callCode, String campaignRef,
            Set<RoleGrant> roles, boolean directoryVisible, Instant joinedAt, String joinedWeek, Instant erasedAt,
            Boolean emailVerified, Integer termsVersion, Instant suspendedAt, Instant sessionsValidAfter,
            List<AdminNote> adminNotes, Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.bio = bio;
        this.socialHandles = socialHandles == null ? SocialHandles.NONE : socialHandles;
        this.timeZone = timeZone;
        this.city = city;
        this.languages = languages == null ? List.of() : languages;
        this.interests = interests == null ? List.of() : interests;
        this.keywords = keywords == null ? List.of() : keywords;
        this.sortName = sortName;
        this.callCode = callCode;
        this.campaignRef = campaignRef;
        this.roles = roles == null ? new LinkedHashSet<>() : new LinkedHashSet<>(roles);
        this.directoryVisible = directoryVisible;
        this.joinedAt = joinedAt;
        this.joinedWeek = joinedWeek;
        this.erasedAt = erasedAt;
        // a member stored before addresses were verified has no such field: not verified
        this.emailVerified = Boolean.TRUE.equals(emailVerified);
        this.termsVersion = termsVersion;
        this.suspendedAt = suspendedAt;
        this.sessionsValidAfter = sessionsValidAfter;
        this.adminNotes = adminNotes == null ? new ArrayList<>() : new ArrayList<>(adminNotes);
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A citizen joins: the account, its {@code MemberJoined} and its contact are one write. */
    static Member join(String id, NewMember details, String passwordHash, ZoneId cityZone, Instant now,
            EventFactory events) {
        Member member = new Member(id, details.email(), passwordHash, details.displayName(), null, null, null,
                details.city(),
                details.languages(), details.interests(), null, null, details.callCode(), details.campaignRef(),
                Set.of(RoleGrant.global(Role.MEMBER)), false, now, Weeks.isoWeek(now, cityZone), null,
                false, details.termsVersion(), null, null, null, null, List.of());
        member.index();
        member.outbox.add(events.create(EventCatalog.MEMBER_JOINED, id,
                new MemberJoined(id, member.displayName(), member.city, member.languages, member.interests,
                        member.timeZone(cityZone), member.callCode, member.campaignRef, member.profileComplete(),
                        now)));
        member.announceContact(cityZone, events);
        return member;
    }

    /** A platform operator configured at start-up; not a citizen, so nothing is announced. */
    static Member operator(String id, String email, String passwordHash, Instant now) {
        return new Member(id, email, passwordHash, "Platform admin", null, null, null, null, List.of(), List.of(), List.of(), null, null, null,
                Set.of(RoleGrant.global(Role.MEMBER), RoleGrant.global(Role.ADMIN)), false, now, null, null,
                true, null, null, null, null, null, List.of());
    }

    /**
     * Applies a profile edit. A move to another city ends the member's city-bound roles elsewhere, each with
     * {@code MemberRoleRevoked}; every edit is announced with {@code MemberProfileUpdated} (and the contact,
     * whose language and time zone may have changed).
     *
     * @param cityZone the time zone of the member's city after the edit
     * @return whether anything changed
     */
    boolean edit(ProfilePatch.ProfileEdit edit, ZoneId cityZone, Instant now, EventFactory events) {
        String previousCity = city;
        Profile edited = new Profile(edit.displayName(), edit.bio(), edit.socialHandles(), edit.timeZone());
        boolean moved = !Objects.equals(edit.city(), city);
        if (edited.equals(profile()) && !moved && edit.languages().equals(languages)
                && edit.interests().equals(interests) && edit.directoryVisible() == directoryVisible) {
            return false;
        }
        displayName = edited.displayName();
        bio = edited.bio();
        socialHandles = edited.socialHandles();
        timeZone = edited.timeZone();
        city = edit.city();
        languages = edit.languages();
        interests = edit.interests();
        directoryVisible = edit.directoryVisible();
        index();
        if (moved) {
            List<RoleGrant> left = roles.stream().filter(g -> g.city() != null && !g.city().equals(city)).toList();
            left.forEach(grant -> revokeGrant(grant, null, now, events));
        }
        outbox.add(events.create(EventCatalog.MEMBER_PROFILE_UPDATED, id,
                new MemberProfileUpdated(id, displayName(), city, moved ? previousCity : null, languages, interests,
                        timeZone(cityZone), directoryVisible, profileComplete(), now)));
        announceContact(cityZone, events);
        return true;
    }

    /** Adds a role and announces it; returns false when the member already had it. */
    boolean grant(RoleGrant grant, String grantedBy, Instant now, EventFactory events) {
        if (!roles.add(grant)) {
            return false;
        }
        outbox.add(events.create(EventCatalog.MEMBER_ROLE_GRANTED, id,
                new MemberRoleGranted(id, grant.role().name(), grant.city(), grantedBy, now)));
        return true;
    }

    /** Ends a role and announces it; returns false when the member did not hold it. */
    boolean revoke(RoleGrant grant, String revokedBy, Instant now, EventFactory events) {
        if (!roles.contains(grant)) {
            return false;
        }
        revokeGrant(grant, revokedBy, now, events);
        return true;
    }

    private void revokeGrant(RoleGrant grant, String revokedBy, Instant now, EventFactory events) {
        roles.remove(grant);
        outbox.add(events.create(EventCatalog.MEMBER_ROLE_REVOKED, id,
                new MemberRoleRevoked(id, grant.role().name(), grant.city(), revokedBy, now)));
    }

    /**
     * Erases the account: profile, credentials and roles go, the email may register again (the stub keeps a
     * placeholder, unique per member, that no address can equal), and the erasure is announced with
     * {@code MemberErased} and a tombstone for the member's contact.
     *
     * @param erasedBy the member themselves, or the admin who erased the account on request
     */
    void erase(String erasedBy, Instant now, EventFactory events) {
        String lastCity = city;
        email = "erased:" + id;
        passwordHash = null;
        displayName = null;
        bio = null;
        socialHandles = SocialHandles.NONE;
        timeZone = null;
        city = null;
        languages = List.of();
        interests = List.of();
        keywords = List.of();
        sortName = null;
        roles.clear();
        directoryVisible = false;
        erasedAt = now;
        PendingEvent erased = events.create(EventCatalog.MEMBER_ERASED, id, new MemberErased(id, lastCity, now));
        outbox.add(erased);
        note(erased, erasedBy, null);
        outbox.add(events.tombstone(EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC, id));
    }

    /**
     * Records that the member accepted {@code version} of the terms; the one they accepted before, or an older one,
     * changes nothing.
     *
     * @return whether anything changed
     */
    boolean acceptTerms(int version) {
        if (termsVersion != null && termsVersion >= version) {
            return false;
        }
        termsVersion = version;
        return true;
    }

    /** Asks the member to prove they own their address: the link travels only in the internal event. */
    void requestEmailVerification(OneTimeLinks.Issued link, Instant now, EventFactory events) {
        outbox.add(events.create(EventCatalog.EMAIL_VERIFICATION_REQUESTED, id,
                new EmailVerificationRequested(id, link.url(), now, link.expiresAt())));
    }

    /** Sends a reset link to the member's address. */
    void requestPasswordReset(OneTimeLinks.Issued link, Instant now, EventFactory events) {
        outbox.add(events.create(EventCatalog.PASSWORD_RESET_REQUESTED, id,
                new PasswordResetRequested(id, link.url(), now, link.expiresAt())));
    }

    /** Sends a confirmation link to the address the member wants instead of theirs; nothing changes until then. */
    void requestEmailChange(String newEmail, OneTimeLinks.Issued link, Instant now, EventFactory events) {
        outbox.add(events.create(EventCatalog.EMAIL_CHANGE_REQUESTED, id,
                new EmailChangeRequested(id, newEmail, link.url(), now, link.expiresAt())));
    }

    /**
     * The member followed a verification link sent to their current address.
     *
     * @return whether anything changed (false when already verified)
     */
    boolean verifyEmail(ZoneId cityZone, EventFactory events) {
        if (emailVerified) {
            return false;
        }
        emailVerified = true;
        announceContact(cityZone, events);
        return true;
    }

    /**
     * Sets a new password (changed by the member or through a reset link) and voids every session that started
     * before: whoever knew the old password loses what they obtained with it. A reset proves the address, since
     * its link reached it.
     */
    void changePassword(String newHash, boolean addressProven, ZoneId cityZone, Instant now, EventFactory events) {
        passwordHash = newHash;
        sessionsValidAfter = now;
        outbox.add(events.create(EventCatalog.PASSWORD_CHANGED, id, new PasswordChanged(id, now)));
        if (addressProven) {
            verifyEmail(cityZone, events);
        }
    }

    /**
     * Replaces the address by one the member proved they own; the previous address is told and every service that
     * mails the member learns the new contact.
     */
    void changeEmail(String newEmail, ZoneId cityZone, Instant now, EventFactory events) {
        String previousEmail = email;
        email = newEmail;
        emailVerified = true;
        outbox.add(events.create(EventCatalog.EMAIL_CHANGED, id, new EmailChanged(id, previousEmail, now)));
        announceContact(cityZone, events);
    }

    /**
     * Suspends the member: every service refuses their tokens once {@code MemberSuspended} reaches it, and their
     * sessions end (refresh tokens of logins before now are void, as after a password reset).
     *
     * @return false when the member was suspended already: nothing changes then
     */
    boolean suspend(String reason, String adminId, Instant now, EventFactory events) {
        if (suspended()) {
            return false;
        }
        suspendedAt = now;
        sessionsValidAfter = now;
        PendingEvent suspended = events.create(EventCatalog.MEMBER_SUSPENDED, id, new MemberSuspended(id, now));
        outbox.add(suspended);
        note(suspended, adminId, reason);
        return true;
    }

    /**
     * Ends a suspension; the member logs in again (their former sessions stay void).
     *
     * @return false when the member was not suspended: nothing changes then
     */
    boolean reinstate(String reason, String adminId, Instant now, EventFactory events) {
        if (!suspended()) {
            return false;
        }
        suspendedAt = null;
        PendingEvent reinstated = events.create(EventCatalog.MEMBER_REINSTATED, id, new MemberReinstated(id, now));
        outbox.add(reinstated);
        note(reinstated, adminId, reason);
        return true;
    }

    private void note(PendingEvent event, String actor, String reason) {
        adminNotes.add(new AdminNote(event.eventId(), actor, reason));
        if (adminNotes.size() > MAX_ADMIN_NOTES) {
            adminNotes.remove(0);
        }
    }

    /**
     * Voids every session of the member: their refresh tokens are refused from now on (access tokens already
     * issued run out within their short lifetime).
     */
    void endAllSessions(Instant now) {
        sessionsValidAfter = now;
    }

    /** Whether a session that started at {@code startedAt} may still be renewed. */
    public boolean maySessionContinue(Instant startedAt) {
        return !erased() && !suspended() && (sessionsValidAfter == null || !startedAt.isBefore(sessionsValidAfter));
    }

    private void announceContact(ZoneId cityZone, EventFactory events) {
        outbox.add(events.create(EventCatalog.MEMBER_CONTACT_CHANGED, id, new MemberContactChanged(id, email, emailVerified,
                languages.isEmpty() ? "en" : languages.get(0), timeZone(cityZone), displayName())));
    }

    /** Keeps the directory's search keys in step with the name and bio. */
    private void index() {
        keywords = Keywords.of(displayName, bio);
        sortName = Keywords.normalise(displayName());
    }

    /**
     * Complete enough to count as onboarded: a name, a city, the languages and topics that connect the member
     * with others, and a few words about themselves.
     */
    boolean profileComplete() {
        return displayName() != null && city != null && !languages.isEmpty() && !interests.isEmpty()
                && bio != null && !bio.isBlank();
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public Profile profile() {
        return new Profile(displayName, bio, socialHandles, timeZone);
    }

    public String city() {
        return city;
    }

    /** The member's own time zone, or their city's when they chose none. */
    public String timeZone(ZoneId cityZone) {
        return timeZone != null ? timeZone : cityZone.getId();
    }

    public List<String> languages() {
        return List.copyOf(languages);
    }

    public List<String> interests() {
        return List.copyOf(interests);
    }

    public List<String> keywords() {
        return List.copyOf(keywords);
    }

    public String callCode() {
        return callCode;
    }

    public String campaignRef() {
        return campaignRef;
    }

    public Set<RoleGrant> roles() {
        return Set.copyOf(roles);
    }

    public boolean holds(Role role, String city) {
        return roles.contains(new RoleGrant(role, role.cityBound() ? city : null));
    }

    /** The member as their tokens present them to every service. */
    public Caller asCaller() {
        return new Caller(id,
                roles.stream().filter(grant -> !grant.role().cityBound()).map(grant -> grant.role().global())
                        .collect(Collectors.toSet()),
                roles.stream().filter(grant -> grant.role().cityBound() && grant.city() != null)
                        .map(grant -> new CityGrant(grant.role().cityRole(), grant.city()))
                        .collect(Collectors.toSet()));
    }

    public boolean directoryVisible() {
        return directoryVisible;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public String joinedWeek() {
        return joinedWeek;
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    /** The terms version the member last accepted, or {@code null}. */
    public Integer termsVersion() {
        return termsVersion;
    }

    public boolean suspended() {
        return suspendedAt != null;
    }

    /** When the member was suspended, or {@code null}. */
    public Instant suspendedAt() {
        return suspendedAt;
    }

    /** The note an admin left with the event {@code eventId} (a suspension, reinstatement or erasure), if any. */
    public Optional<AdminNote> adminNote(String eventId) {
        return adminNotes.stream().filter(note -> note.eventId().equals(eventId)).findFirst();
    }

    /** Refresh tokens of logins before this are void; {@code null}: none are. */
    public Instant sessionsValidAfter() {
        return sessionsValidAfter;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }

    /**
     * Who acted on the member, and why.
     *
     * @param eventId the id of the event announcing the action
     * @param actor   the admin's member id, or the member's own for a self-erasure
     * @param reason  as the admin gave it, or {@code null}
     */
    public record AdminNote(String eventId, String actor, String reason) {
    }

    /**
     * The details a citizen gives when registering, already validated and normalised.
     *
     * @param termsVersion the version of the terms the citizen accepted by registering
     */
    record NewMember(String email, String displayName, String city, List<String> languages, List<String> interests,
            String callCode, String campaignRef, int termsVersion) {
    }
}
