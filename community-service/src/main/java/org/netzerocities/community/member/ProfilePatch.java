package org.netzerocities.community.member;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.ApiProblem.FieldError;

import tools.jackson.databind.JsonNode;

/**
 * Applies a JSON merge patch (RFC 7396) to a member's profile: a field present replaces the current value,
 * {@code null} removes an optional one, an absent field stays. Everything is checked before anything changes;
 * all faults are reported at once. Email and roles are not editable here.
 */
final class ProfilePatch {

    static final int MAX_BIO = 500;
    static final int MAX_URL = 200;
    private static final Set<String> NOT_EDITABLE = Set.of("email", "roles", "password", "id", "joinedAt");
    private static final Set<String> EDITABLE = Set.of("displayName", "bio", "city", "languages", "interests",
            "socialHandles", "timeZone", "directoryVisible");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]*");
    /** A bio may have line breaks; no other control characters. */
    private static final Pattern BIO_TEXT = Pattern.compile("(?:[^\\p{Cntrl}]|\\r?\\n)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2}");
    /** The hosts each social link must point to; the website may be anywhere. */
    private static final Map<String, Set<String>> SOCIAL_HOSTS = Map.of(
            "instagram", Set.of("instagram.com", "www.instagram.com"),
            "linkedin", Set.of("linkedin.com", "www.linkedin.com"),
            "website", Set.of());

    private final List<FieldError> errors = new ArrayList<>();

    private ProfilePatch() {
    }

    /**
     * The profile after {@code patch}.
     *
     * @param cityExists whether a city id is a Cities Mission city
     * @throws ApiProblem 400 naming every field at fault
     */
    static ProfileEdit apply(Member member, JsonNode patch, Predicate<String> cityExists) {
        return new ProfilePatch().merge(member, patch, cityExists);
    }

    private ProfileEdit merge(Member member, JsonNode patch, Predicate<String> cityExists) {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object of the profile fields to change");
        }
        Profile profile = member.profile();
        for (String field : patch.propertyNames()) {
            if (NOT_EDITABLE.contains(field)) {
                errors.add(new FieldError(field, "is not editable here"));
            }
            else if (!EDITABLE.contains(field)) {
                errors.add(new FieldError(field, "is not a profile field"));
            }
        }
        String displayName = patch.has("displayName")
                ? text(patch.get("displayName"), "displayName", 80, PRINTABLE, true) : member.displayName();
        String bio = patch.has("bio") ? text(patch.get("bio"), "bio", MAX_BIO, BIO_TEXT, false) : profile.bio();
        String city = member.city();
        if (patch.has("city")) {
            city = text(patch.get("city"), "city", 80, PRINTABLE, true);
            if (city != null && !cityExists.test(city)) {
                errors.add(new FieldError("city", "is not a Cities Mission city id (see GET /api/community/cities)"));
            }
        }
        List<String> languages = patch.has("languages")
                ? list(patch.get("languages"), "languages", 10, 2, LANGUAGE, "must be an ISO 639-1 code")
                : member.languages();
        List<String> interests = patch.has("interests")
                ? list(patch.get("interests"), "interests", 20, 50, PRINTABLE, "must not contain control characters")
                : member.interests();
        SocialHandles social = patch.has("socialHandles")
                ? socialHandles(patch.get("socialHandles"), profile.socialHandles()) : profile.socialHandles();
        String timeZone = patch.has("timeZone") ? timeZone(patch.get("timeZone")) : profile.timeZone();
        boolean visible = member.directoryVisible();
        if (patch.has("directoryVisible")) {
            JsonNode node = patch.get("directoryVisible");
            if (node.isBoolean()) {
                visible = node.booleanValue();
            }
            else if (node.isNull()) {
                visible = false; // removing the opt-in is opting out
            }
            else {
                errors.add(new FieldError("directoryVisible", "must be true or false"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new ProfileEdit(displayName, bio, city, languages, interests, social, timeZone, visible);
    }

    private String text(JsonNode node, String field, int max, Pattern allowed, boolean required) {
        if (node.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "must not be removed"));
            }
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String value = node.asString().strip();
        if (value.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        else if (!allowed.matcher(value).matches()) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return value;
    }

    private List<String> list(JsonNode node, String field, int maxItems, int maxLength, Pattern allowed,
            String message) {
        if (!node.isArray()) {
            errors.add(new FieldError(field, "must be an array of strings"));
            return List.of();
        }
        if (node.size() > maxItems) {
            errors.add(new FieldError(field, "must have at most " + maxItems + " entries"));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = field + "[" + i + "]";
            if (!item.isString() || item.asString().isBlank()) {
                errors.add(new FieldError(at, "must be a non-blank string"));
            }
            else if (item.asString().strip().length() > maxLength) {
                errors.add(new FieldError(at, "must be at most " + maxLength + " characters"));
            }
            else if (!allowed.matcher(item.asString()).matches()) {
                errors.add(new FieldError(at, message));
            }
            else {
                values.add(item.asString().strip().toLowerCase(Locale.ROOT));
            }
        }
        return values.stream().distinct().toList();
    }

    private SocialHandles socialHandles(JsonNode node, SocialHandles current) {
        if (node.isNull()) {
            return SocialHandles.NONE;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("socialHandles", "must be an object with instagram, linkedin, website"));
            return current;
        }
        for (String name : node.propertyNames()) {
            if (!SOCIAL_HOSTS.containsKey(name)) {
                errors.add(new FieldError("socialHandles." + name, "is not a social handle we keep"));
            }
        }
        return new SocialHandles(link(node, "instagram", current.instagram()),
                link(node, "linkedin", current.linkedin()), link(node, "website", current.website()));
    }

    private String link(JsonNode handles, String name, String current) {
        if (!handles.has(name)) {
            return current;
        }
        String field = "socialHandles." + name;
        String value = text(handles.get(name), field, MAX_URL, PRINTABLE, false);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            Set<String> hosts = SOCIAL_HOSTS.get(name);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                errors.add(new FieldError(field, "must be an http or https link"));
            }
            else if (!hosts.isEmpty() && !hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field, "must be a link to " + hosts.stream().sorted().findFirst().get()));
            }
        }
        catch (URISyntaxException ex) {
            errors.add(new FieldError(field, "is not a valid link"));
        }
        return value;
    }

    private String timeZone(JsonNode node) {
        if (node.isNull()) {
            return null; // back to the city's time zone
        }
        if (!node.isString() || !ZoneId.getAvailableZoneIds().contains(node.asString())) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Bucharest"));
            return null;
        }
        return node.asString();
    }

    /** A member's whole profile after an edit. */
    record ProfileEdit(String displayName, String bio, String city, List<String> languages, List<String> interests,
            SocialHandles socialHandles, String timeZone, boolean directoryVisible) {
    }
}
