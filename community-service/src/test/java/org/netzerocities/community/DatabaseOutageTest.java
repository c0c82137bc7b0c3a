package org.netzerocities.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * When the database goes away, requests answer 503 problems within seconds, not 500s after half a minute. Its
 * listeners stay stopped: with a database of its own, they must not take the shared consumer group's partitions.
 */
@SpringBootTest(properties = { "nzc.mongodb.server-selection-timeout=1s", "spring.kafka.listener.auto-startup=false" })
@AutoConfigureMockMvc
@Import(DatabaseOutageTest.OwnDatabase.class)
@DirtiesContext
class DatabaseOutageTest {

    /** A database of this test's own, so that stopping it leaves the other tests' one alone. */
    private static final MongoServer DATABASE = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress ADDRESS = DATABASE.bind();

    @Autowired
    MockMvc http;

    @AfterAll
    static void stopDatabase() {
        DATABASE.shutdownNow();
    }

    @Test
    void withItsDatabaseDownTheServiceAnswersServiceUnavailableAndFast() throws Exception {
        String registered = register().andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(registered, "$.accessToken");

        DATABASE.shutdownNow();

        for (ResultActionsCall call : List.<ResultActionsCall>of(
                this::register,
                () -> http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ana@example.org\",\"password\":\"correct horse battery\"}")),
                () -> http.perform(get("/api/community/members/me").header("Authorization", "Bearer " + token)))) {
            long start = System.nanoTime();
            call.perform()
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/unavailable"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    /** Version 1 of the terms is the one in force: this test's own database holds only the seeded one. */
    private ResultActions register() throws Exception {
        return http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON).content("""
                {"email":"ana@example.org","password":"correct horse battery","displayName":"Ana Pop",
                 "city":"cluj-napoca","termsVersion":1,"minimumAgeConfirmed":true}"""));
    }

    @FunctionalInterface
    interface ResultActionsCall {
        ResultActions perform() throws Exception;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnDatabase {

        @Bean
        MongoConnectionDetails outageProneMongo() {
            ConnectionString connection = new ConnectionString(
                    "mongodb://localhost:" + ADDRESS.getPort() + "/?serverSelectionTimeoutMS=30000");
            return () -> connection;
        }

        @Bean
        KafkaConnectionDetails embeddedKafka() {
            List<String> servers = List.of(SharedInfrastructure.kafka().getBrokersAsString().split(","));
            return () -> servers;
        }
    }
}
