package org.netzerocities.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

/**
 * Requests Tomcat refuses while parsing them, before any servlet (or Spring's problem handling) runs: the
 * answer is a problem, not Tomcat's HTML page. A bare embedded Tomcat with the services' customisation.
 */
class ProblemReportValveTest {

    private WebServer server;

    @BeforeEach
    void startTomcat() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.addContextCustomizers(TomcatProblemsAutoConfiguration.problemReportValveOnHost());
        server = factory.getWebServer();
        server.start();
    }

    @AfterEach
    void stopTomcat() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/pins?city[$ne]=lisbon", "/api/pins?city[]=lisbon", "/api/pins?a={\"$gt\":\"\"}" })
    void aRequestTomcatCannotParseIsABadRequestProblemNotAnHtmlPage(String target) throws IOException {
        String response = rawGet(target);

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"status\":400", "\"type\":\"https://netzerocities.eu/problems/http-400\"")
                .doesNotContain("<html");
    }

    /** Sent over a socket: HTTP clients encode or refuse the very characters under test. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
