package org.netzerocities.campaign.campaign;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A member's answers to a call to action, by question id; checked against the call's questions. */
record ResponseForm(
        @NotNull @Size(max = 20) Map<@NotNull @Size(max = 40) String, @NotNull @Size(max = 2000) @Pattern(
                regexp = Text.LINES, message = Text.LINES_MESSAGE) String> answers) {
}
