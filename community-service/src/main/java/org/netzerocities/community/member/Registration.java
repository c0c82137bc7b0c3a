package org.netzerocities.community.member;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a citizen sends to join. */
public record Registration(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 10, max = 128, message = "must be between 10 and 128 characters") String password,
        @NotBlank @Size(max = 80) String displayName,
        @NotBlank String city,
        @Size(max = 10) List<@Pattern(regexp = "[a-zA-Z]{2}", message = "must be an ISO 639-1 code") String> languages,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> interests,
        @Pattern(regexp = "[A-Za-z0-9-]{3,40}", message = "is not a call code") String callCode) {
}
