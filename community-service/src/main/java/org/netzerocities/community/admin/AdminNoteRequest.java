package org.netzerocities.community.admin;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Why an admin acts on a member, kept in the audit log. One line of printable text; required to suspend, optional
 * to reinstate.
 */
record AdminNoteRequest(
        @Size(max = AdminNoteRequest.MAX_REASON) @Pattern(regexp = "[^\\p{Cntrl}]*",
                message = "must not contain control characters") String reason) {

    static final int MAX_REASON = 500;

    /** The reason without surrounding blanks; {@code null} when none was given. */
    String stripped() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
