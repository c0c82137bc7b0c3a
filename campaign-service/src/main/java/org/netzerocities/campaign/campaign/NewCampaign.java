package org.netzerocities.campaign.campaign;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A campaign the leadership team launches on its channel. Exactly the details block of its kind is given
 * ({@code series}, {@code collaboration}, {@code content} or {@code callToAction}); {@link CampaignRules} checks
 * what spans fields.
 *
 * @param campaignRef the tracked reference join links carry ({@code ?campaignRef=}); made from the title when
 *                    not given
 */
record NewCampaign(
        @NotBlank @Size(max = 100) @Pattern(regexp = Text.LINE, message = Text.LINE_MESSAGE) String channelId,
        @NotNull CampaignKind kind,
        @NotBlank @Size(max = 120) @Pattern(regexp = Text.LINE, message = Text.LINE_MESSAGE) String title,
        @Size(max = 2000) @Pattern(regexp = Text.LINES, message = Text.LINES_MESSAGE) String description,
        @NotEmpty @Size(max = 3) List<@NotNull TargetAudience> audience,
        @NotNull NarrativePillar pillar,
        @NotNull SubTheme subTheme,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @Valid KpiTargets kpis,
        @Size(min = 3, max = 60) @Pattern(regexp = Text.SLUG, message = Text.SLUG_MESSAGE) String campaignRef,
        @Valid Series series,
        @Valid Collaboration collaboration,
        @Valid Content content,
        @Valid CallToAction callToAction) {

    /** The numbers the campaign aims for; each optional. {@code engagementRate} in percent of reach. */
    record KpiTargets(
            @PositiveOrZero @Max(1_000_000_000) Long reach,
            @DecimalMin("0") @DecimalMax("100") Double engagementRate,
            @PositiveOrZero @Max(1_000_000_000) Long responses,
            @PositiveOrZero @Max(1_000_000_000) Long newMembers) {
    }

    enum IntervieweeType {
        TRANSITION_TEAM_MEMBER, CITIZEN, PRIVATE_SECTOR, OTHER_STAKEHOLDER
    }

    enum Recurrence {
        WEEKLY, BIWEEKLY, MONTHLY
    }

    /** A communication series: short interviews with these kinds of people, recurring. */
    record Series(@NotEmpty @Size(max = 4) List<@NotNull IntervieweeType> intervieweeTypes,
            @NotNull Recurrence recurrence) {
    }

    enum CollaboratorKind {
        CITY, INFLUENCER
    }

    /** A collaboration post: up to three Instagram accounts of the city or influencer co-author the posts. */
    record Collaboration(@NotNull CollaboratorKind collaboratorKind,
            @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = Text.HANDLE,
                    message = Text.HANDLE_MESSAGE) String> handles) {
    }

    enum ContentFormat {
        /** A template cities fill in with their material, turned into posts. */
        CITY_TEMPLATE,
        /** An impact story from interviews with frontrunners, NZC experts, Spaces for Encounter members. */
        IMPACT_STORY,
        /** A case study of the Knowledge Repository, linked. */
        CASE_STUDY
    }

    /** Content creation: its format and, for templates and case studies, the https link to the template or study. */
    record Content(@NotNull ContentFormat format, @Size(max = 2048) String link) {
    }

    /** A call to action: the activity members are invited to, the form they answer, and until when. */
    record CallToAction(
            @NotBlank @Size(max = 500) @Pattern(regexp = Text.LINES, message = Text.LINES_MESSAGE) String activity,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid Question> questions,
            @NotNull Instant deadline) {
    }

    /** A question of the response form; {@code id} names the answer. */
    record Question(
            @NotBlank @Size(max = 40) @Pattern(regexp = Text.SLUG, message = Text.SLUG_MESSAGE) String id,
            @NotBlank @Size(max = 300) @Pattern(regexp = Text.LINE, message = Text.LINE_MESSAGE) String text,
            boolean required) {
    }
}
