package org.netzerocities.launcher;

/** How the service JVMs are started once the infrastructure is up. */
public enum StartOrder {

    /**
     * community-service first (it signs the tokens the others validate and serves their JWKS), then every other
     * selected service at once.
     */
    STAGED,

    /** As {@link #STAGED}, but the gateway only after the other services are ready. */
    STAGED_GATEWAY_LAST,

    /** All selected services at once. */
    PARALLEL,

    /** One after the other, each waiting for the previous one to be ready. */
    SEQUENTIAL
}
