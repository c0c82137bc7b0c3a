package org.netzerocities.campaign.channel;

import java.net.URI;
import java.util.List;

import org.netzerocities.campaign.channel.ChannelRequests.NewChannel;
import org.netzerocities.campaign.channel.ChannelRequests.NewCredential;
import org.netzerocities.campaign.channel.ChannelRequests.TeamAppointment;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CallerAuthentication;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Channels", description = "The main NZCommunities Instagram channel and the cities' NZCommunities_<City> "
        + "channels, their leadership teams and steering committees, credentials and posting cadence")
class ChannelController {

    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    @PostMapping("/api/campaigns/channels")
    @Operation(summary = "Create a channel (admins; 201, Location; ChannelCreated). No city: the main channel "
            + "NZCommunities. city: a Cities Mission city id as community-service names it (lower-case words and "
            + "digits joined by hyphens, e.g. lisbon, cluj-napoca); the handle is NZCommunities_ and the id's words "
            + "capitalised and joined (NZCommunities_ClujNapoca); campaigns keep no city list, so the id is not "
            + "checked against one. language: ISO 639-1; instagramAccountId: the account's numeric id; cadence: an "
            + "ISO-8601 period from P1D to P1Y, the posting target, default P7D. 409 channel-exists: one channel per "
            + "city (handles compared ignoring case) and one main channel")
    ResponseEntity<ChannelResponse> create(@Valid @RequestBody NewChannel body, Caller caller) {
        Channel channel = channels.create(body, caller);
        return ResponseEntity.created(URI.create("/api/campaigns/channels/" + channel.id()))
                .body(ChannelResponse.of(channel, caller));
    }

    @GetMapping("/api/campaigns/channels")
    @Operation(summary = "Every channel, the main one first, then by handle; public. Team member ids only for "
            + "signed-in members, the credential's expiry only for admins and the channel's teams")
    PageResponse<ChannelResponse> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.MAX_SIZE) int size) {
        Caller caller = optionalCaller();
        List<ChannelResponse> all = channels.all().stream().map(c -> ChannelResponse.of(c, caller)).toList();
        return PageResponse.of(all, PageResponse.request(page, size, Sort.unsorted()));
    }

    @GetMapping("/api/campaigns/channels/{id}")
    @Operation(summary = "One channel; public, shown as in the list")
    ChannelResponse get(@PathVariable String id) {
        return ChannelResponse.of(channels.get(id), optionalCaller());
    }

    @PostMapping("/api/campaigns/channels/{id}/team")
    @Operation(summary = "Appoint a member to the channel's LEADERSHIP_TEAM (volunteer citizens who draft and run "
            + "campaigns) or STEERING_COMMITTEE (NZC consortium members who approve): admins; ChannelTeamChanged "
            + "APPOINTED. The member must be known to campaigns (400 otherwise, moments after joining); appointing "
            + "again changes nothing. 409 in-other-team (who drafts does not approve), 409 team-full (50)")
    ChannelResponse appoint(@PathVariable String id, @Valid @RequestBody TeamAppointment body, Caller caller) {
        return ChannelResponse.of(channels.appoint(id, body, caller), caller);
    }

    @DeleteMapping("/api/campaigns/channels/{id}/team/{memberId}")
    @Operation(summary = "Remove a member from a team (?role= LEADERSHIP_TEAM or STEERING_COMMITTEE): admins; 204; "
            + "ChannelTeamChanged REMOVED. 404 when the member is not on that team")
    ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String memberId, @RequestParam TeamRole role,
            Caller caller) {
        channels.remove(id, memberId, role, caller);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/campaigns/channels/{id}/credential")
    @Operation(summary = "Store the channel's long-lived Instagram access token (admins and the channel's leadership "
            + "team): encrypted at rest (AES-GCM), never shown, logged or exported. expiresAt: when the token "
            + "expires, default 60 days from now. A job refreshes it ahead of expiry and warns the teams "
            + "(ChannelCredentialExpiring) when it cannot")
    ChannelResponse storeCredential(@PathVariable String id, @Valid @RequestBody NewCredential body, Caller caller) {
        return ChannelResponse.of(channels.storeCredential(id, body, caller), caller);
    }

    /** The caller when the request carries a valid token; null on a public request without one. */
    private static Caller optionalCaller() {
        return CallerAuthentication.callerOf(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
    }
}
