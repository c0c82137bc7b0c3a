package org.netzerocities.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole platform as the launcher runs it, started once for the test run and handed to every end-to-end
 * class that asks for a {@link LocalStack} parameter (in its {@code @BeforeAll}), with the receiver of its services'
 * spans for one that asks for an {@link OtlpTraceReceiver}; stopped, and its data deleted,
 * when the run ends. Starting it takes most of a minute, so the end-to-end classes share one.
 */
final class SharedPlatform implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);
    /** The classes that use it: it stops once they have all run. */
    private static final Set<Class<?>> USERS = Set.of(PlatformJourneyE2ETest.class, HostileInputCorpusE2ETest.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalStack.class || type == OtlpTraceReceiver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
        return parameter.getParameter().getType() == LocalStack.class ? running.stack() : running.traces();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (PlatformUsers.allRan(context, NAMESPACE, USERS)) {
            PlatformUsers.stop(context, NAMESPACE, Running.class);
        }
    }

    /** Stopped after its last user class, or by JUnit with the root context at the end of the run. */
    private record Running(LocalStack stack, Path dataDir, OtlpTraceReceiver traces) implements AutoCloseable {

        static Running start() {
            try {
                Path dataDir = Files.createTempDirectory("nzc-e2e-");
                OtlpTraceReceiver traces = new OtlpTraceReceiver();
                LocalStack stack = new LocalStack(StackOptions.builder()
                        .repoRoot(Path.of(System.getProperty("nzc.repo.root", "../..")))
                        .dataDir(dataDir)
                        .freePorts()
                        .readinessTimeout(Duration.ofMinutes(4))
                        // every client of the suite logs in from one loopback address: refused log-ins of hostile
                        // cases must not lock the journeys out (the per-account quota stays at its default)
                        .env("NZC_LOGIN_ADDRESS_FAILURES", "1000000")
                        // every request of the suite comes from one loopback address
                        .raiseRateLimits(true)
                        // the services export their spans here, as to Jaeger in Compose
                        .env("NZC_TRACING_OTLP_ENDPOINT", traces.endpoint())
                        .build()).start();
                return new Running(stack, dataDir, traces);
            }
            catch (IOException e) {
                throw new IllegalStateException("No temporary directory for the platform's data", e);
            }
        }

        @Override
        public void close() {
            stack.close();
            traces.close();
            AppCache.deleteRecursively(dataDir);
        }
    }
}
