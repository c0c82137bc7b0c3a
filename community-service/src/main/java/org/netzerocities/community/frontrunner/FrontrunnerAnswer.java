package org.netzerocities.community.frontrunner;

import jakarta.validation.constraints.NotNull;

/** The transition team's or an admin's answer to a request. */
record FrontrunnerAnswer(@NotNull FrontrunnerRequest.Answer answer) {
}
