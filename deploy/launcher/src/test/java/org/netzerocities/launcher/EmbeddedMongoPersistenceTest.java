package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
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

        try (EmbeddedMongo mongo = new EmbeddedMongo(file, port).start();
             MongoClient client = client(mongo.uri())) {
            MongoCollection<Document> members = client.getDatabase("community").getCollection("members");
            members.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            members.insertOne(new Document("_id", "m-1").append("email", "ana@cluj.example").append("city", "cluj"));
            client.getDatabase("learning").getCollection("enrolments").insertOne(new Document("_id", "e-1"));
        }
        assertThat(file).isNotEmptyFile();

        try (EmbeddedMongo mongo = new EmbeddedMongo(file, port).start();
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

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }
}
