package org.netzerocities.community.quota;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code nzc.community.quotas.*}: how much one account, address or member may do in a while.
 *
 * @param login                 failed log-ins allowed per account and per client address
 * @param pins                  pins a member may add to the boards
 * @param collaborationRequests collaboration requests a member may open
 * @param purgeInterval         how often ended windows are removed (a real MongoDB's TTL index does it too)
 */
@Validated
@ConfigurationProperties("nzc.community.quotas")
public record QuotaProperties(@Valid @NotNull Login login, @Valid @NotNull Limit pins,
        @Valid @NotNull Limit collaborationRequests, @DefaultValue("PT1H") Duration purgeInterval) {

    /** At most {@code limit} in a window of {@code window}, which starts at the first of them. */
    public record Limit(@Min(1) int limit, @NotNull Duration window) {

        /** The quota as a person reads it: "30 pins per 24 h". */
        public String describe(String what) {
            long minutes = window.toMinutes();
            return limit + " " + what + " per " + (minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min");
        }
    }

    /**
     * @param window          how long failures count
     * @param accountFailures failures per account (the email tried, known or not) before its log-ins are refused
     * @param addressFailures failures per client address, over every account it tries
     */
    public record Login(@NotNull Duration window, @Min(1) int accountFailures, @Min(1) int addressFailures) {

        public Limit perAccount() {
            return new Limit(accountFailures, window);
        }

        public Limit perAddress() {
            return new Limit(addressFailures, window);
        }
    }
}
