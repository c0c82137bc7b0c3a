package org.netzerocities.launcher;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The platform's service modules, each a Spring Boot jar at {@code <repoRoot>/<module>/target/<module>.jar}. */
public enum Service {

    COMMUNITY("community-service", 8081),
    LEARNING("learning-service", 8082),
    CAMPAIGN("campaign-service", 8083),
    NOTIFICATION("notification-service", 8084),
    GATEWAY("gateway", 8080);

    private final String module;
    private final int defaultPort;

    Service(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    /** Module directory and jar base name, also the name used in logs and in {@link LocalStack#serviceUrl}. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * Accepts the module name ({@code community-service}), its short form ({@code community}) or the enum
     * constant ({@code COMMUNITY}), case-insensitively.
     */
    public static Service of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Service service : values()) {
            if (service.module.equals(wanted)
                    || service.module.replace("-service", "").equals(wanted)
                    || service.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service '" + name + "', expected one of "
                + Arrays.stream(values()).map(Service::module).collect(Collectors.joining(", ")));
    }
}
