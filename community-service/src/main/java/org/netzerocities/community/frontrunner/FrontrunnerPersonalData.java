package org.netzerocities.community.frontrunner;

import org.netzerocities.community.privacy.PersonalData;
import org.springframework.stereotype.Component;

/** The member's frontrunner requests, oldest first, for their data export. */
@Component
class FrontrunnerPersonalData implements PersonalData {

    private final FrontrunnerRequests requests;

    FrontrunnerPersonalData(FrontrunnerRequests requests) {
        this.requests = requests;
    }

    @Override
    public String section() {
        return "frontrunnerRequests";
    }

    @Override
    public Object heldOn(String memberId) {
        return requests.export(memberId);
    }
}
