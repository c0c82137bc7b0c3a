package org.netzerocities.community.terms;

import java.net.URI;
import java.time.Instant;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PublicEndpoints;
import org.netzerocities.support.caller.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/community/terms")
@Tag(name = "Terms", description = "The terms of use and privacy notice, versioned; members accept the one in force")
class TermsController {

    private final Terms terms;

    TermsController(Terms terms) {
        this.terms = terms;
    }

    @GetMapping
    @Operation(summary = "The terms of use and privacy notice in force, and the minimum age to join: a registration "
            + "sends this version as termsVersion and minimumAgeConfirmed: true")
    TermsView current() {
        return terms.current().map(this::view)
                .orElseThrow(() -> ApiProblem.notFound("Terms (none published yet)"));
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "One version of the terms, e.g. the one a member accepted before")
    TermsView version(@PathVariable @Positive int version) {
        return terms.find(version).map(this::view).orElseThrow(() -> ApiProblem.notFound("Terms version " + version));
    }

    @PostMapping
    @PreAuthorize("@policies.isAdmin(authentication)")
    @Operation(summary = "Publish the next version of the terms (TermsVersionPublished); every member is asked to "
            + "accept it at their next log-in. 409 when another version was published meanwhile")
    ResponseEntity<TermsView> publish(@Valid @RequestBody TermsContent content, Caller caller) {
        TermsVersion published = terms.publish(new TermsText(content.summary().strip(), content.text().strip()),
                caller.memberId());
        return ResponseEntity.created(URI.create("/api/community/terms/versions/" + published.number()))
                .body(view(published));
    }

    private TermsView view(TermsVersion version) {
        return new TermsView(version.number(), version.publishedAt(), version.summary(), version.text(),
                terms.minimumAge());
    }

    /** @param minimumAge the age a citizen confirms they have reached when registering */
    record TermsView(int version, Instant publishedAt, String summary, String text, int minimumAge) {
    }

    /**
     * @param summary one line telling members what changed: no control characters
     * @param text    Markdown over several lines: line breaks and tabs, no other control characters
     */
    record TermsContent(
            @NotBlank @Size(max = 300) @Pattern(regexp = "[^\\p{Cntrl}]*", message = NOT_PRINTABLE) String summary,
            @NotBlank @Size(max = 100_000) @Pattern(regexp = "[\\P{Cntrl}\\n\\r\\t]*", message = NOT_PRINTABLE)
            String text) {

        static final String NOT_PRINTABLE = "must not contain control characters";
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        PublicEndpoints termsPublicEndpoints() {
            return PublicEndpoints.of(PublicEndpoints.get("/api/community/terms"),
                    PublicEndpoints.get("/api/community/terms/versions/*"));
        }
    }
}
