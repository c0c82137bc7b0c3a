package org.netzerocities.community.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Why an event is cancelled; the registrants are told. */
record Cancellation(@NotBlank @Size(max = EventText.REASON) @Pattern(regexp = EventText.TEXT,
        message = EventText.TEXT_MESSAGE) String reason) {
}
