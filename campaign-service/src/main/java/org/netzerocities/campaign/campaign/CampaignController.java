package org.netzerocities.campaign.campaign;

import java.util.List;

import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns", description = "Campaigns of the four kinds, their posts through the steering committee's "
        + "approval, calls to action and KPIs")
class CampaignController {

    private final Campaigns campaigns;
    private final Posts posts;
    private final CallsToAction calls;
    private final CampaignKpis kpis;

    CampaignController(Campaigns campaigns, Posts posts, CallsToAction calls, CampaignKpis kpis) {
        this.campaigns = campaigns;
        this.posts = posts;
        this.calls = calls;
        this.kpis = kpis;
    }

    @PostMapping("/campaigns")
    @Operation(summary = "Launch a campaign on a channel: its leadership team or an admin. Kind COMMUNICATION_SERIES "
            + "(with series), COLLABORATION_POST (collaboration), CONTENT_CREATION (content) or CALL_TO_ACTION "
            + "(callToAction: activity, questions, deadline); audience, pillar and a sub-theme of that pillar for that "
            + "audience, schedule, KPI targets, an optional campaignRef (slug; 409 when taken). Publishes "
            + "CampaignLaunched, and CallToActionLaunched for a call to action.")
    ResponseEntity<CampaignView> launch(@Valid @RequestBody NewCampaign body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CampaignView.of(campaigns.launch(body, caller)));
    }

    @GetMapping("/campaigns")
    @Operation(summary = "Campaigns, newest start first, optionally of one channel and kind: every campaign of the "
            + "channels where the caller is on the leadership team or steering committee (admins: all), and calls "
            + "to action of every channel for everyone else")
    PageResponse<CampaignView> list(@RequestParam(required = false) String channelId,
            @RequestParam(required = false) CampaignKind kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size, Caller caller) {
        return campaigns.list(channelId, kind, caller, PageResponse.request(page, size,
                Sort.by(Sort.Direction.DESC, Campaign.STARTS_AT).and(Sort.by("_id"))));
    }

    @GetMapping("/campaigns/{id}")
    @Operation(summary = "A campaign: the channel's teams and admins; a call to action for every member (404 "
            + "otherwise)")
    CampaignView campaign(@PathVariable String id, Caller caller) {
        return CampaignView.of(campaigns.visible(id, caller));
    }

    @GetMapping("/campaigns/{id}/kpis")
    @Operation(summary = "KPI targets against measured reach, engagement rate, responses and new members who joined "
            + "with the campaign's campaignRef: the channel's teams and admins")
    KpiReport kpis(@PathVariable String id, Caller caller) {
        return kpis.report(id, caller);
    }

    @PostMapping("/campaigns/{id}/posts")
    @Operation(summary = "Draft a post on the campaign: the channel's leadership team. Caption up to 2,200 "
            + "characters with its hashtags (at most 30), IMAGE or VIDEO with one or CAROUSEL with 2 to 10 public "
            + "https media URLs, collaborators (collaboration campaigns only, default the campaign's)")
    ResponseEntity<PostView> draft(@PathVariable String id, @Valid @RequestBody PostDraft body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PostView.of(posts.draft(id, body, caller), null));
    }

    @GetMapping("/campaigns/{id}/posts")
    @Operation(summary = "The campaign's posts, oldest first, with their publication: the channel's teams, admins")
    List<PostView> posts(@PathVariable String id, Caller caller) {
        return posts.ofCampaign(campaigns.readable(id, caller).id());
    }

    @GetMapping("/posts/{id}")
    @Operation(summary = "A post with its status, review and publication: the channel's teams and admins")
    PostView post(@PathVariable String id, Caller caller) {
        return posts.view(id, caller);
    }

    @PutMapping("/posts/{id}")
    @Operation(summary = "Revise a draft or rejected post (which becomes a draft again): the leadership team; 409 "
            + "once submitted or approved")
    PostView edit(@PathVariable String id, @Valid @RequestBody PostDraft body, Caller caller) {
        return PostView.of(posts.edit(id, body, caller), null);
    }

    @PostMapping("/posts/{id}/submission")
    @Operation(summary = "Submit a draft (or a rejected post as it is) to the steering committee: the leadership "
            + "team. Publishes CampaignPostSubmitted.")
    PostView submit(@PathVariable String id, Caller caller) {
        return PostView.of(posts.submit(id, caller), null);
    }

    @PostMapping("/posts/{id}/approval")
    @Operation(summary = "Approve a submitted post {comment?, scheduledAt} and queue it for publishing at that time "
            + "(future, within a year): the steering committee, not the post's author. Publishes "
            + "CampaignPostApproved; 409 unless submitted.")
    PostView approve(@PathVariable String id, @Valid @RequestBody PostReview.Approval body, Caller caller) {
        return posts.view(posts.approve(id, body, caller).id(), caller);
    }

    @PostMapping("/posts/{id}/rejection")
    @Operation(summary = "Reject a submitted post with a comment {comment}: the steering committee, not the post's "
            + "author. Publishes CampaignPostRejected; the leadership team may revise and submit again.")
    PostView reject(@PathVariable String id, @Valid @RequestBody PostReview.Rejection body, Caller caller) {
        return PostView.of(posts.reject(id, body, caller), null);
    }

    @PostMapping("/calls-to-action/{id}/responses")
    @Operation(summary = "Respond to a call to action {answers: {questionId: text}} before its deadline, once: any "
            + "member. Publishes CallToActionResponded; 409 after the deadline or when answered already.")
    ResponseEntity<ResponseView> respond(@PathVariable String id, @Valid @RequestBody ResponseForm body,
            Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ResponseView.of(calls.respond(id, body, caller)));
    }
}
