package org.netzerocities.support.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** A service's answer to a member's data export: their id, then one section per {@link PersonalData} bean. */
public final class PersonalDataExport {

    private PersonalDataExport() {
    }

    /** Served as a download that no cache keeps. */
    public static ResponseEntity<Map<String, Object>> of(String memberId, List<PersonalData> sections,
            String fileName) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("memberId", memberId);
        sections.forEach(section -> export.put(section.section(), section.heldOn().apply(memberId)));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export);
    }
}
