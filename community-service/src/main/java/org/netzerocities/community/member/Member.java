package org.netzerocities.community.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberJoined;
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

/** A registered account and its profile. Its unsent events travel in the same document. */
@Document("members")
public class Member implements OutboxAggregate {

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String email;
    private final String passwordHash;
    private String displayName;
    @Indexed
    private String city;
    private List<String> languages;
    private List<String> interests;
    private final String callCode;
    private final Set<RoleGrant> roles;
    /** Opt-in: members are not listed in the directory until they choose to be. */
    private boolean directoryVisible;
    private final Instant joinedAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Member(String id, String email, String passwordHash, String displayName, String city, List<String> languages,
            List<String> interests, String callCode, Set<RoleGrant> roles, boolean directoryVisible, Instant joinedAt,
            Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.city = city;
        this.languages = languages == null ? List.of() : languages;
        this.interests = interests == null ? List.of() : interests;
        this.callCode = callCode;
        this.roles = roles == null ? new LinkedHashSet<>() : new LinkedHashSet<>(roles);
        this.directoryVisible = directoryVisible;
        this.joinedAt = joinedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A citizen joins: the account and its {@code MemberJoined} event are one write. */
    static Member join(String id, NewMember details, String passwordHash, Instant now, EventFactory events) {
        Member member = new Member(id, details.email(), passwordHash, details.displayName(), details.city(),
                details.languages(), details.interests(), details.callCode(),
                Set.of(RoleGrant.global(Role.MEMBER)), false, now, null, List.of());
        member.outbox.add(events.create(EventCatalog.MEMBER_JOINED, id,
                new MemberJoined(id, member.displayName, member.city, member.languages,
                        member.interests, null, member.callCode, null, false, now)));
        return member;
    }

    /** A platform operator configured at start-up; not a citizen, so nothing is announced. */
    static Member operator(String id, String email, String passwordHash, Instant now) {
        return new Member(id, email, passwordHash, "Platform admin", null, List.of(), List.of(), null,
                Set.of(RoleGrant.global(Role.MEMBER), RoleGrant.global(Role.ADMIN)), false, now, null, List.of());
    }

    /** Adds a role; returns false when the member already had it. */
    boolean grant(RoleGrant grant) {
        return roles.add(grant);
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

    public String city() {
        return city;
    }

    public List<String> languages() {
        return List.copyOf(languages);
    }

    public List<String> interests() {
        return List.copyOf(interests);
    }

    public String callCode() {
        return callCode;
    }

    public Set<RoleGrant> roles() {
        return Set.copyOf(roles);
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

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }

    /** The details a citizen gives when registering, already validated and normalised. */
    record NewMember(String email, String displayName, String city, List<String> languages, List<String> interests,
            String callCode) {
    }
}
