package org.netzerocities.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service's Spring Boot jar in launcher tests: listens on {@code SERVER_PORT}, answers
 * {@code /actuator/health/readiness} (200 after {@code FAKE_READY_DELAY_MS}) and {@code /env} (its environment),
 * or exits with {@code FAKE_EXIT_CODE} right away. As Spring Boot does, it serves the actuator on
 * {@code MANAGEMENT_SERVER_PORT} instead when that is set.
 */
public final class FakeServiceMain {

    private FakeServiceMain() {
    }

    public static void main(String[] args) throws IOException {
        String exitCode = System.getenv("FAKE_EXIT_CODE");
        if (exitCode != null) {
            System.out.println("APPLICATION FAILED TO START: fake failure");
            System.exit(Integer.parseInt(exitCode));
        }
        long readyAt = System.currentTimeMillis() + Long.parseLong(System.getenv().getOrDefault("FAKE_READY_DELAY_MS", "0"));
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        String managementPort = System.getenv("MANAGEMENT_SERVER_PORT");
        HttpServer management = managementPort == null ? server
                : HttpServer.create(new InetSocketAddress(Integer.parseInt(managementPort)), 0);
        management.createContext("/actuator/health/readiness", exchange ->
                respond(exchange, System.currentTimeMillis() >= readyAt ? 200 : 503, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> {
            StringBuilder body = new StringBuilder();
            for (Map.Entry<String, String> e : new TreeMap<>(System.getenv()).entrySet()) {
                body.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
            respond(exchange, 200, body.toString());
        });
        server.start();
        if (management != server) {
            management.start();
        }
        System.out.println("fake service listening on " + System.getenv("SERVER_PORT"));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
