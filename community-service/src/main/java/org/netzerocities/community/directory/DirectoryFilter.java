package org.netzerocities.community.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.netzerocities.community.member.Keywords;
import org.netzerocities.community.member.Role;
import org.netzerocities.support.ApiProblem;

/**
 * What the directory lists, read from the query parameters: validated, normalised as the members' own data
 * is stored, and turned into MongoDB criteria. Values only ever reach the database as values, never as
 * operators or unescaped patterns.
 *
 * @param city     a Cities Mission city id, or {@code null} for every city
 * @param role     with a city, a city-bound role means that role in that city
 * @param topic    an interest, lower case as stored
 * @param language an ISO 639-1 code, lower case as stored
 * @param words    normalised words of the free text, each matched as a prefix of a member's keywords
 * @param text     whether a free text was given at all: one without any word matches nobody
 */
record DirectoryFilter(String city, Role role, String topic, String language, List<String> words, boolean text,
        DirectorySort sort) {

    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_TOPIC_LENGTH = 50;
    /** Roles members can be found by; operators are not part of the directory. */
    static final Set<Role> LISTED_ROLES = EnumSet.of(Role.MEMBER, Role.FRONTRUNNER, Role.TRANSITION_TEAM,
            Role.FACILITATOR);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2}");

    /**
     * Reads the parameters; blank ones count as absent.
     *
     * @throws ApiProblem 400 naming every parameter at fault
     */
    static DirectoryFilter of(String city, String role, String topic, String language, String q, String sort,
            Predicate<String> knownCity) {
        var errors = new ArrayList<ApiProblem.FieldError>();
        city = blankToNull(city);
        if (city != null && (city.length() > 100 || !knownCity.test(city))) {
            errors.add(new ApiProblem.FieldError("city", "is not a Cities Mission city id (see GET /api/community/cities)"));
        }
        Role listedRole = null;
        if (blankToNull(role) != null) {
            listedRole = LISTED_ROLES.stream().filter(r -> r.name().equals(role)).findFirst().orElse(null);
            if (listedRole == null) {
                errors.add(new ApiProblem.FieldError("role", "must be one of " + LISTED_ROLES));
            }
        }
        topic = blankToNull(topic);
        if (topic != null) {
            topic = topic.strip().toLowerCase(Locale.ROOT);
            if (topic.length() > MAX_TOPIC_LENGTH || CONTROL.matcher(topic).find()) {
                errors.add(new ApiProblem.FieldError("topic",
                        "must be at most " + MAX_TOPIC_LENGTH + " characters without control characters"));
            }
        }
        language = blankToNull(language);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add(new ApiProblem.FieldError("language", "must be an ISO 639-1 code"));
        }
        q = blankToNull(q);
        if (q != null && (q.length() > MAX_QUERY_LENGTH || CONTROL.matcher(q).find())) {
            errors.add(new ApiProblem.FieldError("q",
                    "must be at most " + MAX_QUERY_LENGTH + " characters without control characters"));
        }
        DirectorySort order = blankToNull(sort) == null ? DirectorySort.NAME : DirectorySort.parse(sort).orElse(null);
        if (order == null) {
            errors.add(new ApiProblem.FieldError("sort", "must be one of " + Arrays.stream(DirectorySort.values())
                    .map(DirectorySort::parameter).collect(Collectors.joining(", "))));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new DirectoryFilter(city, listedRole, topic, language == null ? null : language.toLowerCase(Locale.ROOT),
                q == null ? List.of() : Keywords.of(q), q != null, order);
    }

    /** A free text made only of punctuation ("?!", ".*"): no member's words can start with it. */
    boolean matchesNobody() {
        return text && words.isEmpty();
    }

    /** Whether a listed member (opted in, not erased) matches every given parameter. */
    boolean admits(ListedMembers.Listed member) {
        MemberCard card = member.card();
        if (city != null && !city.equals(card.city())) {
            return false;
        }
        if (role != null && !(role.cityBound() && city != null ? ListedMembers.holds(member, role, city)
                : card.roles().stream().anyMatch(grant -> grant.role() == role))) {
            return false;
        }
        if (topic != null && !card.interests().contains(topic)) {
            return false;
        }
        if (language != null && !card.languages().contains(language)) {
            return false;
        }
        // every word of the query starts one of the member's words
        return words.stream().allMatch(member::hasWordStartingWith);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
