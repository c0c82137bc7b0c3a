package org.netzerocities.campaign.channel;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the channel routes accept. */
final class ChannelRequests {

    static final String MEMBER_ID = "[A-Za-z0-9_-]{1,100}";
    static final String MEMBER_ID_MESSAGE = "must be a member id";

    private ChannelRequests() {
    }

    /**
     * A channel as an admin creates it: no {@code city} for the main channel; {@code cadence} an ISO-8601 period,
     * P7D when absent.
     */
    record NewChannel(
            @Size(max = ChannelHandles.CITY_ID_MAX) @Pattern(regexp = ChannelHandles.CITY_ID,
                    message = "must be a Cities Mission city id such as lisbon or cluj-napoca") String city,
            @NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code such as pt")
            String language,
            @NotBlank @Pattern(regexp = "[0-9]{1,30}", message = "must be an Instagram account id (digits)")
            String instagramAccountId,
            @Size(max = 20) String cadence) {
    }

    record TeamAppointment(
            @NotBlank @Pattern(regexp = MEMBER_ID, message = MEMBER_ID_MESSAGE) String memberId,
            @NotNull TeamRole role) {
    }

    /** A long-lived Instagram token; {@code expiresAt} defaults to 60 days from now, the life of such tokens. */
    record NewCredential(
            @NotBlank @Size(max = 4096) @Pattern(regexp = "[\\x21-\\x7E]+",
                    message = "must be a token: printable characters without spaces") String accessToken,
            Instant expiresAt) {
    }
}
