package org.netzerocities.community.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.netzerocities.support.ApiProblem;
import org.springframework.stereotype.Component;

/** What the rest of community-service needs of calls to join: registration, the city dashboard, the export. */
@Component
public class CallsToJoin {

    private final CallService calls;
    private final Clock clock;

    CallsToJoin(CallService calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * Checks a code given at registration in {@code city}; call only when a code was given. Returns the code as
     * stored (codes are read case-insensitively): keep that one, so that every {@code MemberJoined} names the
     * call the same way.
     *
     * @throws ApiProblem 400 on field {@code callCode} when no call has the code, when it is closed, or when it
     *                    is another city's call
     */
    public String requireOpen(String code, String city) {
        CallToJoin call = calls.find(code)
                .orElseThrow(() -> ApiProblem.invalid("callCode", "is not the code of a call to join"));
        if (!call.city().equals(city)) {
            throw ApiProblem.invalid("callCode", "is the code of another city's call to join");
        }
        if (!call.isOpenAt(clock.instant())) {
            throw ApiProblem.invalid("callCode", "is the code of a call to join that has closed");
        }
        return call.code();
    }

    /** A city's calls, newest first, with the members who joined through each. */
    public List<CallSummary> callsOf(String city) {
        Instant now = clock.instant();
        return calls.allOf(city).stream()
                .map(call -> new CallSummary(call.code(), call.title(), call.closesAt(), call.isOpenAt(now),
                        call.joins()))
                .toList();
    }

    /** The calls a member launched, newest first: their part of a data export. */
    public List<LaunchedCall> launchedBy(String memberId) {
        return calls.launchedBy(memberId).stream()
                .map(call -> new LaunchedCall(call.code(), call.city(), call.title(), call.launchedAt()))
                .toList();
    }
}
