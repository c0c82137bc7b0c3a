package org.netzerocities.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The lean platform of the scaling tests, started once for the run and handed to each class that asks for a
 * {@link LocalStack} parameter (in its {@code @BeforeAll}): community-service, and two instances each of
 * notification-, learning- and campaign-service, no gateway. Its jobs run far more often than anywhere else
 * (notification-service's lease-guarded jobs every {@link #JOB_INTERVAL}, the publish scheduler every
 * {@link #PUBLISH_SCAN_INTERVAL}), which the shared platform's tests must not see; one platform for all the scaling
 * tests, because each start costs about a minute of the suite.
 */
final class ScaledPlatform implements ParameterResolver, AfterAllCallback {

    static final Duration JOB_INTERVAL = Duration.ofSeconds(2);
    static final Duration PUBLISH_SCAN_INTERVAL = Duration.ofMillis(250);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScaledPlatform.class);
    /** The classes that use it: it stops once they have all run. */
    private static final Set<Class<?>> USERS = Set.of(ScaledConsumersIT.class, ScaledCertificatesAndPostsIT.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> Running.start(), Running.class).stack();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (PlatformUsers.allRan(context, NAMESPACE, USERS)) {
            PlatformUsers.stop(context, NAMESPACE, Running.class);
        }
    }

    /** Stopped after its last user class, or by JUnit with the root context at the end of the run. */
    private record Running(LocalStack stack, Path dataDir) implements AutoCloseable {

        static Running start() {
            try {
                Path dataDir = Files.createTempDirectory("nzc-scaled-");
                StackOptions.Builder options = StackOptions.builder()
                        .repoRoot(Path.of(System.getProperty("nzc.repo.root", "../..")))
                        .dataDir(dataDir)
                        .freePorts()
                        .readinessTimeout(Duration.ofMinutes(4))
                        .services("community", "notification", "learning", "campaign")
                        .scale("notification", 2)
                        .scale("learning", 2)
                        .scale("campaign", 2)
                        .env(Service.NOTIFICATION, "LOGGING_LEVEL_ORG_NETZEROCITIES_SUPPORT_SCHEDULE", "DEBUG")
                        .env(Service.CAMPAIGN, "NZC_CAMPAIGNS_PUBLISHING_SCANINTERVAL", PUBLISH_SCAN_INTERVAL.toString())
                        // every query in the log, the publish scheduler's looks among them (as JSON: a logger named in
                        // an environment variable is lower-cased)
                        .env(Service.CAMPAIGN, "SPRING_APPLICATION_JSON",
                                "{\"logging.level.org.springframework.data.mongodb.core.MongoTemplate\":\"DEBUG\"}");
                // every lease-guarded job of notification-service, each take of a lease in the log
                for (String job : List.of("NZC_NOTIFICATIONS_DIGEST_INTERVAL", "NZC_NOTIFICATIONS_PURGE_INTERVAL",
                        "NZC_NOTIFICATIONS_BUDGET_PURGE_INTERVAL")) {
                    options.env(Service.NOTIFICATION, job, JOB_INTERVAL.toString());
                }
                return new Running(new LocalStack(options.build()).start(), dataDir);
            }
            catch (IOException e) {
                throw new IllegalStateException("No temporary directory for the scaled platform's data", e);
            }
        }

        @Override
        public void close() {
            stack.close();
            AppCache.deleteRecursively(dataDir);
        }
    }
}
