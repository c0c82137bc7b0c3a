package org.netzerocities.community.audit;

import org.netzerocities.support.PageResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Member administration", description = "Admins find, suspend, reinstate and erase members")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/community/admin/audit")
    @PreAuthorize("@policies.isAdmin(authentication)")
    @Operation(summary = "The audit log, newest first: role grants and revocations, suspensions and reinstatements "
            + "with their reasons, erasures, manifesto and terms versions published, posts hidden. Filters: action, "
            + "actor (a member id), subject (a member id, manifesto/<n>, terms/<n>), from (inclusive) and to "
            + "(exclusive) as ISO-8601 times with offset. Entries are kept for nzc.community.audit.retention")
    PageResponse<AuditEntry> read(@RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        return audit.page(AuditFilter.parse(action, actor, subject, from, to),
                PageResponse.request(page, size, AuditLog.NEWEST_FIRST));
    }
}
