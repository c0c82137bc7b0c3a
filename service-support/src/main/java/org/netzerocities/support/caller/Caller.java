package org.netzerocities.support.caller;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who is calling and what the platform lets them do, as their access token states it: the member id
 * ({@code sub}), the global roles ({@code roles}) and the city-bound roles ({@code grants}, a list of
 * {@code {role, city}}). Built once per request from the token; controllers take it as a parameter,
 * method security reaches it through {@link Policies}.
 */
public record Caller(String memberId, Set<GlobalRole> roles, Set<CityGrant> grants) {

    public static final String SUBJECT_CLAIM = "sub";
    public static final String ROLES_CLAIM = "roles";
    public static final String GRANTS_CLAIM = "grants";

    public Caller {
        if (memberId == null || memberId.isBlank()) {
            throw new IllegalArgumentException("A caller needs a member id");
        }
        roles = Set.copyOf(roles);
        grants = Set.copyOf(grants);
    }

    /**
     * Reads a caller from token claims. Entries naming a role this platform does not know, or not shaped as
     * the claims above, grant nothing: a token from a newer issuer still authenticates, it just carries no
     * extra rights here.
     *
     * @throws IllegalArgumentException when the claims name no subject
     */
    public static Caller fromClaims(Map<String, ?> claims) {
        Object subject = claims.get(SUBJECT_CLAIM);
        return new Caller(subject instanceof String id ? id : null,
                entries(claims.get(ROLES_CLAIM)).flatMap(role -> parse(GlobalRole.class, role).stream())
                        .collect(Collectors.toSet()),
                entries(claims.get(GRANTS_CLAIM)).flatMap(grant -> cityGrant(grant).stream())
                        .collect(Collectors.toSet()));
    }

    /** The {@code roles} and {@code grants} claims that {@link #fromClaims} reads back, in a stable order. */
    public Map<String, Object> roleClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(ROLES_CLAIM, roles.stream().sorted().map(GlobalRole::name).toList());
        claims.put(GRANTS_CLAIM, grants.stream()
                .sorted(Comparator.comparing(CityGrant::role).thenComparing(CityGrant::city))
                .map(grant -> Map.of("role", grant.role().name(), "city", grant.city()))
                .toList());
        return claims;
    }

    public boolean isAdmin() {
        return roles.contains(GlobalRole.ADMIN);
    }

    public boolean hasGlobal(GlobalRole role) {
        return roles.contains(role);
    }

    /** Whether the caller holds {@code role} in {@code city}; a city-bound role elsewhere does not count. */
    public boolean holds(CityRole role, String city) {
        return grants.stream().anyMatch(grant -> grant.role() == role && grant.city().equals(city));
    }

    /** Whether the caller holds {@code role} in at least one city. */
    public boolean holdsAnywhere(CityRole role) {
        return grants.stream().anyMatch(grant -> grant.role() == role);
    }

    private static Stream<?> entries(Object claim) {
        return claim instanceof Collection<?> entries ? entries.stream() : Stream.empty();
    }

    private static Optional<CityGrant> cityGrant(Object entry) {
        if (!(entry instanceof Map<?, ?> grant) || !(grant.get("city") instanceof String city) || city.isBlank()) {
            return Optional.empty();
        }
        return parse(CityRole.class, grant.get("role")).map(role -> new CityGrant(role, city));
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> roles, Object name) {
        return Stream.of(roles.getEnumConstants()).filter(role -> role.name().equals(name)).findFirst();
    }
}
