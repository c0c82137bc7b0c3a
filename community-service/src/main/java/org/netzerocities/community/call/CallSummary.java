package org.netzerocities.community.call;

import java.time.Instant;

/** A call as the city dashboard lists it. */
public record CallSummary(String code, String title, Instant closesAt, boolean open, long joins) {
}
