package org.netzerocities.community.call;

import org.netzerocities.community.privacy.PersonalData;
import org.springframework.stereotype.Component;

/** The calls a member launched, in their data export; erasure removes them as launcher ({@code MemberErased}). */
@Component
class LaunchedCallsData implements PersonalData {

    private final CallsToJoin calls;

    LaunchedCallsData(CallsToJoin calls) {
        this.calls = calls;
    }

    @Override
    public String section() {
        return "callsLaunched";
    }

    @Override
    public Object heldOn(String memberId) {
        return calls.launchedBy(memberId);
    }
}
