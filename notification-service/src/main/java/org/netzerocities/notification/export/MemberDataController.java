package org.netzerocities.notification.export;

import java.util.List;
import java.util.Map;

import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.support.privacy.PersonalDataExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Each feature declares a {@link PersonalData} bean for what it holds on members; the export gathers them. */
@RestController
@Tag(name = "Data export", description = "What notification-service holds on the calling member")
class MemberDataController {

    private final List<PersonalData> sections;

    MemberDataController(List<PersonalData> sections) {
        this.sections = sections;
    }

    @GetMapping("/api/notifications/me/export")
    @Operation(summary = "Everything notification-service holds on the calling member, for their data export: "
            + "one section per feature (contact: how it reaches them, null when nothing is held; notifications: "
            + "everything stored for them, newest first)")
    ResponseEntity<Map<String, Object>> export(Caller caller) {
        return PersonalDataExport.of(caller.memberId(), sections, "nzc-notification-export.json");
    }
}
