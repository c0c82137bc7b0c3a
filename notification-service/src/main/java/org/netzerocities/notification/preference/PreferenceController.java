package org.netzerocities.notification.preference;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/notifications/preferences")
@Tag(name = "Preferences", description = "How the calling member is notified: per category and channel, "
        + "city-wide announcements, quiet hours")
class PreferenceController {

    private final PreferenceStore preferences;
    private final EmailBudget budget;

    PreferenceController(PreferenceStore preferences, EmailBudget budget) {
        this.preferences = preferences;
        this.budget = budget;
    }

    @GetMapping
    @Operation(summary = "Your notification preferences, the defaults where you chose nothing",
            description = "The defaults: every category in the inbox and on the live stream; email at once for "
                    + "COMMUNITY, EVENTS, LEARNING and SYSTEM, in the daily digest for CAMPAIGNS; no city-wide "
                    + "announcement (opt-ins off); no quiet hours. Emails at once beyond the weekly budget, or inside "
                    + "quiet hours, wait for the daily digest (08:00 in your time zone). The digest is a SYSTEM "
                    + "email: with SYSTEM email OFF (what a digest's unsubscribe link sets) there is no digest, and "
                    + "what would wait for it is not emailed")
    PreferencesView get(Caller caller) {
        return PreferencesView.of(preferences.of(caller.memberId()), budget.cap());
    }

    @PutMapping
    @Operation(summary = "Replace your notification preferences; a category or opt-in left out takes the "
            + "platform's default. Critical (account, security) notifications are sent whatever you choose")
    PreferencesView put(Caller caller, @Valid @RequestBody PreferencesBody body) {
        NotificationPreferences chosen = body.toPreferences();
        preferences.save(caller.memberId(), chosen);
        return PreferencesView.of(chosen, budget.cap());
    }

    @Schema(description = "New notification preferences; every part may be left out (the default applies)")
    record PreferencesBody(
            @Schema(description = "Per category: inApp, live and email (OFF, IMMEDIATE, DAILY_DIGEST), all three")
            Map<Category, @NotNull @Valid ChannelBody> categories,
            @Schema(description = "Opt-in kinds (city-wide announcements, as listed by GET) to true or false")
            Map<Kind, @NotNull Boolean> optIns,
            @Schema(description = "Start and end as HH:mm in your time zone, different; null for none",
                    nullable = true)
            @Valid QuietHoursBody quietHours) {

        NotificationPreferences toPreferences() {
            Map<Category, ChannelChoice> channels = new EnumMap<>(NotificationPreferences.DEFAULTS.channels());
            if (categories != null) {
                categories.forEach((category, choice) -> channels.put(category,
                        new ChannelChoice(choice.inApp(), choice.live(), choice.email())));
            }
            Set<Kind> optedIn = EnumSet.noneOf(Kind.class);
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            if (optIns != null) {
                optIns.forEach((kind, on) -> {
                    if (!kind.optIn() || kind.critical()) {
                        errors.add(new ApiProblem.FieldError("optIns." + kind,
                                "is not a notification that needs an opt-in"));
                    }
                    else if (on) {
                        optedIn.add(kind);
                    }
                });
            }
            QuietHours quiet = quietHours == null ? null
                    : new QuietHours(quietHours.start().truncatedTo(ChronoUnit.MINUTES),
                            quietHours.end().truncatedTo(ChronoUnit.MINUTES));
            if (quiet != null && quiet.start().equals(quiet.end())) {
                errors.add(new ApiProblem.FieldError("quietHours", "start and end must differ"));
            }
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(errors);
            }
            return new NotificationPreferences(channels, optedIn, quiet);
        }
    }

    record ChannelBody(@NotNull Boolean inApp, @NotNull Boolean live, @NotNull EmailChoice email) {
    }

    record QuietHoursBody(@NotNull @Schema(type = "string", example = "22:00") LocalTime start,
            @NotNull @Schema(type = "string", example = "07:00") LocalTime end) {
    }
}
