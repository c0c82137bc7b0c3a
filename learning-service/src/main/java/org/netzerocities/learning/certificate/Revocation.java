package org.netzerocities.learning.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An admin's revocation of a certificate; the reason is shown to whoever verifies it. */
record Revocation(
        @NotBlank @Size(max = 500) @Pattern(regexp = "\\P{Cc}*", message = "must not contain control characters")
        String reason) {
}
