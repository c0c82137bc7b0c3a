package org.netzerocities.community.frontrunner;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a member sends to ask to become a frontrunner; the city is the one in their profile. */
record NewFrontrunnerRequest(
        @Size(max = 1000) @Pattern(regexp = "[\\P{Cntrl}\\r\\n\\t]*",
                message = "must not contain control characters other than line breaks and tabs") String motivation) {
}
