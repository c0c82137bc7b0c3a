package org.netzerocities.community.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Personal data", description = "What community-service holds on the calling member")
class PersonalDataController {

    private final List<PersonalData> sources;
    private final Clock clock;

    PersonalDataController(List<PersonalData> sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @GetMapping("/api/community/members/me/export")
    @Operation(summary = "Everything community-service holds on the calling member, one section per feature "
            + "(account, onboarding, calls launched, frontrunner requests, activity, ...). The other services "
            + "answer GET /api/<service>/me/export for theirs.")
    ResponseEntity<Export> export(Caller caller) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sources.forEach(source -> sections.put(source.section(), source.heldOn().apply(caller.memberId())));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"nzc-community-export.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Export(caller.memberId(), clock.instant(), sections));
    }

    record Export(String memberId, Instant exportedAt, Map<String, Object> sections) {
    }
}
