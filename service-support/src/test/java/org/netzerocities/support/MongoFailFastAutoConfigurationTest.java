package org.netzerocities.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;

class MongoFailFastAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(MongoAutoConfiguration.class, MongoFailFastAutoConfiguration.class));

    @Test
    void waitsFiveSecondsForADatabaseUnlessConfigured() {
        context.run(app -> assertThat(app.getBean(MongoClientProperties.class).serverSelectionTimeout())
                .isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void anUnreachableDatabaseFailsAfterTheConfiguredTimeoutEvenIfTheUriSaysOtherwise() throws IOException {
        int closedPort = freePort();
        context.withPropertyValues("nzc.mongodb.server-selection-timeout=300ms",
                "spring.mongodb.uri=mongodb://localhost:" + closedPort + "/test?serverSelectionTimeoutMS=30000")
                .run(app -> {
                    long start = System.nanoTime();
                    assertThatExceptionOfType(MongoTimeoutException.class)
                            .isThrownBy(() -> app.getBean(MongoClient.class).listDatabaseNames().first());
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
