package org.netzerocities.community.directory;

import org.netzerocities.community.member.Member;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes a real MongoDB needs for the directory's load and the city view (the embedded server accepts and
 * ignores them). Creating an existing index is a no-op, so every instance may run this at start-up.
 */
@Component
class DirectoryIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    DirectoryIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var members = mongo.indexOps(Member.COLLECTION);
        // the directory searches in memory (ListedMembers); its one load at start-up reads the listed members
        members.createIndex(new Index().on(Member.DIRECTORY_VISIBLE, Direction.ASC).named("directory_listed"));
        // multikey: a city's frontrunners and transition team (city view)
        members.createIndex(new Index().on(Member.ROLES + ".city", Direction.ASC)
                .on(Member.ROLES + ".role", Direction.ASC).named("roles_city_role"));
        // the city view's joins per call and per week
        members.createIndex(new Index().on(Member.CITY, Direction.ASC).on(Member.CALL_CODE, Direction.ASC)
                .named("city_call"));
        members.createIndex(new Index().on(Member.CITY, Direction.ASC).on(Member.JOINED_WEEK, Direction.ASC)
                .named("city_week"));
    }
}
