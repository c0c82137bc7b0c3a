package org.netzerocities.campaign.publishing;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Sorts the Graph API's error answers into what trying again can fix and what it cannot. Throttling (HTTP 429,
 * codes 4, 17, 32, 613, 80002), server trouble (5xx, codes 1 and 2, answers marked {@code is_transient}) and media
 * not ready yet (9007) pass; an expired or invalid token (190) and refused media or parameters do not, and their
 * reason says what the channel's team must fix.
 */
final class GraphErrors {

    static final int TOKEN_INVALID = 190;
    private static final Set<Integer> THROTTLING = Set.of(4, 17, 32, 613, 80002);
    private static final Set<Integer> TEMPORARY = Set.of(1, 2, 9007);
    private static final int MAX_MESSAGE = 300;

    private GraphErrors() {
    }

    static PublishFailure classify(String what, int httpStatus, JsonNode body) {
        JsonNode error = body.path("error");
        int code = error.path("code").asInt(0);
        String message = clip(error.path("message").asString(""));
        String detail = what + ": HTTP " + httpStatus + (code == 0 ? "" : ", code " + code)
                + (message.isEmpty() ? "" : ", " + message);
        if (httpStatus == 429 || THROTTLING.contains(code)) {
            return PublishFailure.transientFailure("throttled by Instagram (" + detail + ")");
        }
        if (code == TOKEN_INVALID) {
            return PublishFailure.permanent("the channel's Instagram token expired or was revoked; renew the "
                    + "channel's credential (" + detail + ")");
        }
        if (httpStatus >= 500 || TEMPORARY.contains(code) || error.path("is_transient").asBoolean(false)) {
            return PublishFailure.transientFailure("Instagram is having trouble (" + detail + ")");
        }
        return PublishFailure.permanent("Instagram refused the post (" + detail + ")");
    }

    private static String clip(String message) {
        String flat = message.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE) + "…";
    }
}
