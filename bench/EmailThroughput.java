import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Email sending throughput of notification-service: puts {@code --count} members' contacts in its projection, then
 * {@code --count} email requests (kind WELCOME, six languages) on its emails topic at once, and times how long the
 * service takes to send them all to an SMTP sink in this JVM that accepts and discards every message. What is timed
 * is the whole sending path: consuming the request, reading the contact, rendering both parts with Thymeleaf, the
 * delivery record before and after, and the SMTP conversation (one connection per email, as Spring Mail does).
 * Prints emails/s per run and the median of the runs.
 *
 * <p>Runs against a running notification-service whose {@code SMTP_HOST}/{@code SMTP_PORT} point at
 * {@code --smtp-port}; {@code bench/email-throughput.sh} starts one and runs this with its libraries on the class path.
 */
public class EmailThroughput {

    private static final String[] LANGUAGES = {"en", "fr", "de", "it", "es", "pl"};

    public static void main(String[] args) throws Exception {
        // the Kafka and MongoDB clients' start-up chatter is not a figure
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int smtpPort = Integer.parseInt(option(args, "--smtp-port", "2525"));
        String mongoUri = option(args, "--mongo", "mongodb://localhost:27017");
        String kafka = option(args, "--kafka", "localhost:9092");
        int count = Integer.parseInt(option(args, "--count", "2000"));
        int runs = Integer.parseInt(option(args, "--runs", "3"));
        int warmUp = Integer.parseInt(option(args, "--warm-up", "300"));

        DiscardingSmtp sink = new DiscardingSmtp(smtpPort);
        sink.start();
        Properties producerConfig = new Properties();
        producerConfig.put("bootstrap.servers", kafka);
        producerConfig.put("key.serializer", StringSerializer.class.getName());
        producerConfig.put("value.serializer", StringSerializer.class.getName());
        producerConfig.put("acks", "all");
        producerConfig.put("linger.ms", "5");
        try (MongoClient mongo = MongoClients.create(mongoUri);
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            var contacts = mongo.getDatabase("nzc-notification").getCollection("member_contacts");
            run("warm-up", warmUp, contacts, producer, sink);
            List<Double> rates = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                rates.add(run("run " + i, count, contacts, producer, sink));
            }
            Collections.sort(rates);
            System.out.printf(Locale.ROOT, "email sending: median of %d runs of %d emails: %.0f emails/s%n", runs,
                    count, rates.get(rates.size() / 2));
        } finally {
            sink.stop();
        }
    }

    private static double run(String name, int count, com.mongodb.client.MongoCollection<Document> contacts,
            KafkaProducer<String, String> producer, DiscardingSmtp sink) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Document> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new Document("_id", "bench-" + run + "-" + i).append("email", "m" + i + "-" + run + "@bench.example")
                    .append("emailVerified", true).append("language", LANGUAGES[i % LANGUAGES.length])
                    .append("timeZone", "Europe/Paris").append("displayName", "Member " + i));
        }
        contacts.insertMany(members);
        int before = sink.received.get();
        Instant start = Instant.now();
        for (int i = 0; i < count; i++) {
            String memberId = "bench-" + run + "-" + i;
            String json = "{\"id\":\"bench-email-" + run + "-" + i + "\",\"memberId\":\"" + memberId
                    + "\",\"kind\":\"WELCOME\",\"params\":{\"displayName\":\"Member " + i
                    + "\"},\"link\":\"/onboarding\",\"entries\":[],\"createdAt\":\"" + Instant.now() + "\"}";
            producer.send(new ProducerRecord<>("nzc.notification.emails.v1", memberId, json));
        }
        producer.flush();
        Instant deadline = start.plus(Duration.ofMinutes(10));
        while (sink.received.get() - before < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + ": only " + (sink.received.get() - before) + " of " + count
                        + " emails after 10 minutes");
            }
            Thread.sleep(5);
        }
        double seconds = Duration.between(start, sink.lastAt).toNanos() / 1e9;
        double rate = count / seconds;
        System.out.printf(Locale.ROOT, "%-8s %6d emails in %6.2f s: %6.0f emails/s%n", name, count, seconds, rate);
        return rate;
    }

    /** Just enough SMTP to take a message and throw it away; counts the messages and notes the last one's time. */
    static final class DiscardingSmtp {

        final AtomicInteger received = new AtomicInteger();
        volatile Instant lastAt = Instant.now();
        private final ServerSocket server;
        private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "smtp-sink");
            thread.setDaemon(true);
            return thread;
        });

        DiscardingSmtp(int port) throws IOException {
            server = new ServerSocket(port, 100, InetAddress.getLoopbackAddress());
        }

        void start() {
            connections.submit(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        connections.submit(() -> converse(socket));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        void stop() throws IOException {
            server.close();
            connections.shutdownNow();
        }

        private void converse(Socket socket) {
            try (socket;
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    OutputStream out = socket.getOutputStream()) {
                reply(out, "220 sink ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    switch (command) {
                        case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                        case "DATA" -> {
                            reply(out, "354 go ahead");
                            while ((line = in.readLine()) != null && !line.equals(".")) {
                                // discarded
                            }
                            lastAt = Instant.now();
                            received.incrementAndGet();
                            reply(out, "250 OK discarded");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 OK");
                    }
                }
            } catch (IOException ignored) {
                // the client went away
            }
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
