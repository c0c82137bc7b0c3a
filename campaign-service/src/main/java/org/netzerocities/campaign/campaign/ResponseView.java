package org.netzerocities.campaign.campaign;

import java.time.Instant;
import java.util.Map;

/** A response to a call to action as its author sees it, in the API and in their data export. */
public record ResponseView(String campaignId, Map<String, String> answers, Instant respondedAt) {

    static ResponseView of(CallToActionResponse response) {
        return new ResponseView(response.campaignId(), response.answers(), response.respondedAt());
    }
}
