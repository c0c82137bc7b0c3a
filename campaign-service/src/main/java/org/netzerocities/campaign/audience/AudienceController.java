package org.netzerocities.campaign.audience;

import java.util.List;
import java.util.Map;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.support.privacy.PersonalDataExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Audience", description = "Members as the engagement plan knows them")
class AudienceController {

    private final CitizenRepository citizens;
    private final List<PersonalData> sections;

    AudienceController(CitizenRepository citizens, List<PersonalData> sections) {
        this.citizens = citizens;
        this.sections = sections;
    }

    @GetMapping("/api/campaigns/audience/me")
    @Operation(summary = "The calling member as campaign audience (404 until campaigns have learnt of the member)")
    Citizen me(Caller caller) {
        return citizens.findById(caller.memberId())
                .orElseThrow(() -> ApiProblem.notFound("Member " + caller.memberId()));
    }

    @GetMapping("/api/campaigns/me/export")
    @Operation(summary = "Everything the engagement plan holds on the calling member, for their data export, one "
            + "section per feature; a section is null or empty when nothing is held")
    ResponseEntity<Map<String, Object>> export(Caller caller) {
        return PersonalDataExport.of(caller.memberId(), sections, "nzc-campaigns-export.json");
    }
}
