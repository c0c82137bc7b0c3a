package org.netzerocities.community.member;

import java.util.List;

import org.netzerocities.community.identity.AcceptablePassword;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a citizen sends to join.
 *
 * @param termsVersion        the version of the terms and privacy notice the citizen accepts: the one in force
 * @param minimumAgeConfirmed the citizen confirms they have reached the minimum age; must be true
 */
public record Registration(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @AcceptablePassword String password,
        @NotBlank @Size(max = 80) @Pattern(regexp = PRINTABLE, message = NOT_PRINTABLE) String displayName,
        @NotBlank String city,
        @Size(max = 10)
        List<@NotNull @Pattern(regexp = "[a-zA-Z]{2}", message = "must be an ISO 639-1 code") String> languages,
        @Size(max = 20)
        List<@NotBlank @Size(max = 50) @Pattern(regexp = PRINTABLE, message = NOT_PRINTABLE) String> interests,
        @Pattern(regexp = "[A-Za-z0-9-]{3,40}", message = "is not a call code") String callCode,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain letters, digits and . _ : - only")
        String campaignRef,
        Integer termsVersion,
        Boolean minimumAgeConfirmed) {

    /** Shown to other members: no control characters (line breaks, escapes, NUL). */
    static final String PRINTABLE = "[^\\p{Cntrl}]*";
    static final String NOT_PRINTABLE = "must not contain control characters";
}
