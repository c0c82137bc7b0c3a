package org.netzerocities.community.call;

import java.time.Instant;

/** A call a member launched, as their data export shows it. */
public record LaunchedCall(String code, String city, String title, Instant launchedAt) {
}
