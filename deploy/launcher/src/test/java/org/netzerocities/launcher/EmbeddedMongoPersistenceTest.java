package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void documentsAndIndexesSurviveCloseAndReopen() {
        Path file = dataDir.resolve("mongo/nzc.mv");
        int port = StackOptions.freeLocalPorts(1).get(0);

        try (EmbeddedMongo mongo = new EmbeddedMongo(file, port, true).start();
             MongoClient client = client(mongo.uri())) {
            MongoCollection<Document> members = client.getDatabase("community").getCollection("members");
            members.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            members.insertOne(new Document("_id", "m-1").append("email", "ana@cluj.example").append("city", "cluj"));
            client.getDatabase("learning").getCollection("enrolments").insertOne(new Document("_id", "e-1"));
        }
        assertThat(file).isNotEmptyFile();

        try (EmbeddedMongo mongo = new EmbeddedMongo(file, port, true).start();
             MongoClient client = client(mongo.uri())) {
            MongoCollection<Document> members = client.getDatabase("community").getCollection("members");
            assertThat(members.find(Filters.eq("_id", "m-1")).first())
                    .isNotNull()
                    .containsEntry("email", "ana@cluj.example")
                    .containsEntry("city", "cluj");
            assertThat(client.getDatabase("learning").getCollection("enrolments").countDocuments()).isEqualTo(1);
            assertThatThrownBy(() -> members.insertOne(new Document("_id", "m-2").append("email", "ana@cluj.example")))
                    .as("the unique index was kept too")
                    .isInstanceOf(MongoWriteException.class);
        }
    }

    @Test
    void closingCompactsTheSpaceThatEveryDurableWriteTakes() throws Exception {
        Path file = dataDir.resolve("mongo/nzc.mv");
        int port = StackOptions.freeLocalPorts(1).get(0);

        long sizeWhileOpen = sizeAfter300Updates(file, port, WriteConcern.ACKNOWLEDGED);

        assertThat(sizeWhileOpen).as("one chunk per write while open").isGreaterThan(1_000_000);
        assertThat(Files.size(file)).as("compacted at close").isLessThan(100_000);
        assertThat(valueAfterReopening(file, port)).isEqualTo(300);
    }

    @Test
    void writesThatAskForNoJournalAreAcknowledgedWithoutACommitOfTheirOwn() throws Exception {
        Path file = dataDir.resolve("mongo/nzc.mv");
        int port = StackOptions.freeLocalPorts(1).get(0);

        long sizeWhileOpen = sizeAfter300Updates(file, port, WriteConcern.W1.withJournal(false));

        assertThat(sizeWhileOpen).as("no chunk per unjournaled write").isLessThan(1_000_000);
        assertThat(valueAfterReopening(file, port)).isEqualTo(300);
    }

    /** Inserts a counter and updates it 300 times with {@code concern}; returns the file's size before closing. */
    private static long sizeAfter300Updates(Path file, int port, WriteConcern concern) {
        try (EmbeddedMongo mongo = new EmbeddedMongo(file, port, true).start();
             MongoClient client = client(mongo.uri())) {
            MongoCollection<Document> counters = client.getDatabase("community").getCollection("counters")
                    .withWriteConcern(concern);
            counters.insertOne(new Document("_id", "c-1").append("value", 0));
            for (int i = 1; i <= 300; i++) {
                counters.updateOne(Filters.eq("_id", "c-1"), new Document("$set", new Document("value", i)));
            }
            return Files.size(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Object valueAfterReopening(Path file, int port) {
        try (EmbeddedMongo mongo = new EmbeddedMongo(file, port, true).start();
             MongoClient client = client(mongo.uri())) {
            return client.getDatabase("community").getCollection("counters").find().first().get("value");
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesTheLauncherBeingKilled() throws Exception {
        int port = StackOptions.freeLocalPorts(1).get(0);
        int writes = 500;
        Process launcher = startLauncherWithEmbeddedMongoOnly(port);
        try (MongoClient client = client("mongodb://localhost:" + port)) {
            MongoCollection<Document> members = client.getDatabase("community").getCollection("members");
            for (int i = 0; i < writes; i++) {
                members.insertOne(new Document("_id", "m-" + i).append("city", "cluj"));
            }
        } finally {
            launcher.destroyForcibly();
        }
        assertThat(launcher.waitFor(20, TimeUnit.SECONDS)).as("killed").isTrue();
        assertThat(launcher.exitValue()).as("SIGKILL, no clean shutdown").isEqualTo(137);

        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir.resolve("mongo/nzc.mv"), port, true).start();
             MongoClient client = client(mongo.uri())) {
            MongoCollection<Document> members = client.getDatabase("community").getCollection("members");
            assertThat(members.countDocuments()).as("acknowledged writes found after the kill").isEqualTo(writes);
            assertThat(members.find(Filters.eq("_id", "m-" + (writes - 1))).first()).as("the last one").isNotNull();
        }
    }

    /** The launcher's own main in a child JVM, with Kafka said to be elsewhere so that only MongoDB starts. */
    private Process startLauncherWithEmbeddedMongoOnly(int port) throws Exception {
        Path log = Files.createDirectories(dataDir.resolve("logs")).resolve("launcher.log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("nzc.launcher.classpath", System.getProperty("java.class.path")),
                LocalStack.class.getName(), "--infra-only", "--data-dir=" + dataDir, "--mongo-port=" + port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");
        return builder.start();
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(30, TimeUnit.SECONDS))
                .build());
    }
}
