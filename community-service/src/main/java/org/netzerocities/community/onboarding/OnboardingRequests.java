package org.netzerocities.community.onboarding;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What clients send to the onboarding routes, validated before anything is read or stored. */
final class OnboardingRequests {

    /** One line shown to others: no control characters at all. */
    static final String LINE = "[^\\p{Cntrl}]*";
    /** Text over several lines: line breaks and tabs, no other control characters (escapes, NUL). */
    static final String TEXT = "[\\P{Cntrl}\\n\\r\\t]*";
    static final String NOT_PRINTABLE = "must not contain control characters";
    /** A path inside the portal, never a link elsewhere. */
    static final String PORTAL_PATH = "/[A-Za-z0-9/_.~?=&#%-]*";

    private OnboardingRequests() {
    }

    /** @param version the version the member read; when given it must be the current one */
    record Acceptance(@Positive Integer version) {
    }

    /** A new manifesto version, or a translation of one. */
    record ManifestoContent(
            @NotBlank @Size(max = 300) @Pattern(regexp = LINE, message = NOT_PRINTABLE) String summary,
            @NotBlank @Size(max = 50_000) @Pattern(regexp = TEXT, message = NOT_PRINTABLE) String text) {

        ManifestoText toText() {
            return new ManifestoText(summary.strip(), text.strip());
        }
    }

    /** @param section the heading of the section it amends; none for the manifesto as a whole */
    record Amendment(
            @NotBlank @Size(max = 5_000) @Pattern(regexp = TEXT, message = NOT_PRINTABLE) String text,
            @Size(max = 200) @Pattern(regexp = LINE, message = NOT_PRINTABLE) String section) {
    }

    record GuideContent(
            @NotBlank @Size(max = 200) @Pattern(regexp = LINE, message = NOT_PRINTABLE) String title,
            @NotEmpty @Size(max = 30) List<@NotNull @Valid Section> sections) {

        Guide.Content toContent() {
            return new Guide.Content(title.strip(), sections.stream().map(Section::toSection).toList());
        }
    }

    record Section(
            @NotBlank @Size(max = 200) @Pattern(regexp = LINE, message = NOT_PRINTABLE) String title,
            @NotBlank @Size(max = 5_000) @Pattern(regexp = TEXT, message = NOT_PRINTABLE) String body,
            @Size(max = 20) List<@NotNull @Valid Link> links) {

        Guide.Section toSection() {
            return new Guide.Section(title.strip(), body.strip(),
                    links == null ? List.of() : links.stream().map(l -> new Guide.Link(l.label().strip(), l.path()))
                            .toList());
        }
    }

    record Link(
            @NotBlank @Size(max = 100) @Pattern(regexp = LINE, message = NOT_PRINTABLE) String label,
            @NotBlank @Size(max = 200) @Pattern(regexp = PORTAL_PATH, message = "must be a portal path") String path) {
    }
}
