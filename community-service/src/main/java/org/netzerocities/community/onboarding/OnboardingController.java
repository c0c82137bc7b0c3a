package org.netzerocities.community.onboarding;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.PublicEndpoints;
import org.netzerocities.support.caller.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

@RestController
@RequestMapping("/api/community/onboarding")
@Tag(name = "Onboarding", description = "The onboarding kit: manifesto, navigation guides, the member's checklist")
class OnboardingController {

    static final String MEMBER = "hasRole('MEMBER')";
    static final String ADMIN = "@policies.isAdmin(authentication)";
    private static final String LANGUAGE_MESSAGE = "must be an ISO 639-1 code";

    private final OnboardingService onboarding;
    private final Manifestos manifestos;
    private final SignatoryCounts signatories;
    private final Guides guides;
    private final Amendments amendments;

    OnboardingController(OnboardingService onboarding, Manifestos manifestos, SignatoryCounts signatories,
            Guides guides, Amendments amendments) {
        this.onboarding = onboarding;
        this.manifestos = manifestos;
        this.signatories = signatories;
        this.guides = guides;
        this.amendments = amendments;
    }

    @GetMapping
    @PreAuthorize(MEMBER)
    @Operation(summary = "The onboarding kit: the current manifesto and the guides for the caller's roles, in the "
            + "member's first language they exist in (else English), and the member's checklist")
    OnboardingKit kit(Caller caller) {
        Onboarding member = onboarding.of(caller.memberId());
        List<String> languages = member.languages();
        ManifestoView manifesto = manifestos.current().map(m -> ManifestoView.of(m, languages)).orElse(null);
        return new OnboardingKit(manifesto,
                GuideRole.of(caller).stream().map(role -> guides.in(role, languages)).toList(),
                Checklist.of(member, manifesto == null ? 0 : manifesto.version()));
    }

    @PostMapping("/manifesto/acceptance")
    @PreAuthorize(MEMBER)
    @Operation(summary = "Accept the current manifesto version (idempotent); answers with the checklist. "
            + "With {version}, the version the member read: 409 if it is no longer the current one")
    Checklist accept(@Valid @RequestBody(required = false) OnboardingRequests.Acceptance acceptance, Caller caller) {
        return onboarding.accept(caller.memberId(), acceptance == null ? null : acceptance.version());
    }

    @GetMapping("/manifesto")
    @Operation(summary = "The current manifesto (in `language` if translated, else English) and the number of "
            + "signatories of every version")
    PublicManifesto manifesto(@RequestParam(required = false)
            @Pattern(regexp = Languages.CODE, message = LANGUAGE_MESSAGE) String language) {
        Map<Integer, Long> counts = signatories.all();
        return new PublicManifesto(
                manifestos.current().map(m -> ManifestoView.of(m, language == null ? List.of() : List.of(language)))
                        .orElse(null),
                manifestos.history().stream().map(v -> new VersionSignatories(v.number(), v.publishedAt(),
                        v.texts().get(Languages.ENGLISH).summary(), counts.getOrDefault(v.number(), 0L))).toList());
    }

    @GetMapping("/manifesto/versions/{version}")
    @Operation(summary = "One manifesto version, in `language` if translated, else English")
    ManifestoView version(@PathVariable @Positive int version, @RequestParam(required = false)
            @Pattern(regexp = Languages.CODE, message = LANGUAGE_MESSAGE) String language) {
        return manifestos.find(version).map(m -> ManifestoView.of(m, language == null ? List.of() : List.of(language)))
                .orElseThrow(() -> ApiProblem.notFound("Manifesto version " + version));
    }

    @PostMapping("/manifesto/versions")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Publish the next manifesto version, in English; members who accepted an older one are "
            + "asked to accept again")
    ResponseEntity<ManifestoView> publish(@Valid @RequestBody OnboardingRequests.ManifestoContent content,
            Caller caller) {
        ManifestoVersion published = manifestos.publish(content.toText(), caller.memberId());
        return ResponseEntity.created(URI.create("/api/community/onboarding/manifesto/versions/" + published.number()))
                .body(ManifestoView.of(published, List.of()));
    }

    @PutMapping("/manifesto/versions/{version}/translations/{language}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Add or correct a translation of a manifesto version (the English text is fixed)")
    ManifestoView translateManifesto(@PathVariable @Positive int version,
            @PathVariable @Pattern(regexp = Languages.CODE, message = LANGUAGE_MESSAGE) String language,
            @Valid @RequestBody OnboardingRequests.ManifestoContent content) {
        String code = Languages.normalise(language);
        return ManifestoView.of(manifestos.translate(version, code, content.toText()), List.of(code));
    }

    @GetMapping("/guides/{role}")
    @Operation(summary = "The navigation guide of a role (MEMBER, FRONTRUNNER, TRANSITION_TEAM, FACILITATOR), in "
            + "`language` if translated, else English")
    Guides.GuideView guide(@PathVariable GuideRole role, @RequestParam(required = false)
            @Pattern(regexp = Languages.CODE, message = LANGUAGE_MESSAGE) String language) {
        return guides.in(role, language == null ? List.of() : List.of(Languages.normalise(language)));
    }

    @PutMapping("/guides/{role}/translations/{language}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Add or replace a guide in a language, English included")
    Guides.GuideView translateGuide(@PathVariable GuideRole role,
            @PathVariable @Pattern(regexp = Languages.CODE, message = LANGUAGE_MESSAGE) String language,
            @Valid @RequestBody OnboardingRequests.GuideContent content) {
        return guides.translate(role, Languages.normalise(language), content.toContent());
    }

    @PostMapping("/manifesto/amendments")
    @PreAuthorize(MEMBER)
    @Operation(summary = "Propose an amendment to the next version of the manifesto")
    ResponseEntity<AmendmentView> propose(@Valid @RequestBody OnboardingRequests.Amendment proposal, Caller caller) {
        String section = proposal.section() == null || proposal.section().isBlank() ? null : proposal.section().strip();
        Amendment amendment = amendments.propose(caller.memberId(), section, proposal.text().strip());
        return ResponseEntity.created(URI.create("/api/community/onboarding/manifesto/amendments/" + amendment.id()))
                .body(AmendmentView.of(amendment, caller));
    }

    @GetMapping("/manifesto/amendments")
    @PreAuthorize(MEMBER)
    @Operation(summary = "The proposals for a draft (by default the next version), newest first")
    PageResponse<AmendmentView> amendments(@RequestParam(required = false) @Positive Integer draftVersion,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size, Caller caller) {
        var pageable = PageResponse.request(page, size, Sort.unsorted());
        return PageResponse.of(amendments.list(draftVersion, pageable), a -> AmendmentView.of(a, caller));
    }

    /** @param guides one per role of the caller, the MEMBER guide first */
    record OnboardingKit(ManifestoView manifesto, List<Guides.GuideView> guides, Checklist checklist) {
    }

    /**
     * @param language  the language served
     * @param languages every language the version exists in
     */
    record ManifestoView(int version, Instant publishedAt, String language, String summary, String text,
            List<String> languages) {

        static ManifestoView of(ManifestoVersion manifesto, List<String> preferred) {
            var text = Manifestos.in(manifesto, Languages.normalise(preferred));
            return new ManifestoView(manifesto.number(), manifesto.publishedAt(), text.getKey(),
                    text.getValue().summary(), text.getValue().text(),
                    manifesto.texts().keySet().stream().sorted().toList());
        }
    }

    record PublicManifesto(ManifestoView current, List<VersionSignatories> versions) {
    }

    record VersionSignatories(int version, Instant publishedAt, String summary, long signatories) {
    }

    /** Members see proposals without who made them, except their own. */
    record AmendmentView(String id, int draftVersion, String section, String text, Instant proposedAt,
            boolean yours) {

        static AmendmentView of(Amendment amendment, Caller caller) {
            return new AmendmentView(amendment.id(), amendment.draftVersion(), amendment.section(), amendment.text(),
                    amendment.proposedAt(), caller.memberId().equals(amendment.authorId()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        PublicEndpoints onboardingPublicEndpoints() {
            return PublicEndpoints.of(
                    PublicEndpoints.get("/api/community/onboarding/manifesto"),
                    PublicEndpoints.get("/api/community/onboarding/manifesto/versions/*"),
                    PublicEndpoints.get("/api/community/onboarding/guides/*"));
        }
    }
}
