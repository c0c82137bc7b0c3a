package org.netzerocities.events.contract.campaign;

/** A frontrunner shared their own engagement plan with their city's transition team. */
public record EngagementPlanShared(
        String planId,
        String memberId,
        String city,
        String title) {
}
