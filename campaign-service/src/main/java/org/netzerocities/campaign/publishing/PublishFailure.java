package org.netzerocities.campaign.publishing;

/**
 * A publisher could not do what it was asked. {@link Kind#TRANSIENT}: try again later (Instagram throttled us,
 * answered 5xx, took too long, the circuit is open). {@link Kind#LIMIT_REACHED}: the account used its publishing
 * limit; try again later without counting it as a failed attempt. {@link Kind#PERMANENT}: trying again cannot
 * help (the media was refused, the token expired); the reason is shown to the channel's leadership team.
 */
class PublishFailure extends RuntimeException {

    enum Kind {
        TRANSIENT, LIMIT_REACHED, PERMANENT
    }

    private final Kind kind;

    PublishFailure(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    PublishFailure(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    static PublishFailure transientFailure(String reason) {
        return new PublishFailure(Kind.TRANSIENT, reason);
    }

    static PublishFailure permanent(String reason) {
        return new PublishFailure(Kind.PERMANENT, reason);
    }

    static PublishFailure limitReached(String reason) {
        return new PublishFailure(Kind.LIMIT_REACHED, reason);
    }

    Kind kind() {
        return kind;
    }

    boolean isPermanent() {
        return kind == Kind.PERMANENT;
    }
}
