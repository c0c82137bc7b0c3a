package org.netzerocities.campaign.audience;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Audience", description = "Members as the engagement plan knows them")
class AudienceController {

    private final CitizenRepository citizens;

    AudienceController(CitizenRepository citizens) {
        this.citizens = citizens;
    }

    @GetMapping("/api/campaigns/audience/me")
    @Operation(summary = "The calling member as campaign audience (404 until campaigns have learnt of the member)")
    Citizen me(Caller caller) {
        return citizens.findById(caller.memberId())
                .orElseThrow(() -> ApiProblem.notFound("Member " + caller.memberId()));
    }

    @GetMapping("/api/campaigns/me/export")
    @Operation(summary = "Everything the engagement plan holds on the calling member, for their data export; "
            + "a section is null when nothing is held")
    CampaignExport export(Caller caller) {
        return new CampaignExport(caller.memberId(), citizens.findById(caller.memberId()).orElse(null));
    }

    /** What campaign-service holds on a member; the portal assembles it with the other services' exports. */
    record CampaignExport(String memberId, Citizen citizen) {
    }
}
