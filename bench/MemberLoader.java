import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.bson.Document;
import org.netzerocities.community.member.Keywords;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Loads members straight into community-service's database (collection {@code members} of {@code nzc-community})
 * for the directory benchmark: registering 100,000 members through the API would take about 40 minutes of BCrypt.
 *
 * <p>Each document has the shape community-service writes for a member whose events the relay has sent: the same
 * fields in the same order, {@code keywords} and {@code sortName} from community-service's own {@link Keywords},
 * {@code joinedWeek} the ISO week in the city's time zone, an empty {@code outbox} (nothing reaches Kafka), and
 * {@code _class} as Spring Data writes it. Profiles are made up but plausible: names with the accents (or script)
 * of the city's language, a few words of bio about climate topics, 1-3 languages (the city's first), 1-4 of the
 * nine climate topics, about 60 % listed in the directory, about 3 % frontrunners and 0.5 % transition team of
 * their city (and the first member of every city is on its transition team), joined over the last year, some via
 * a city's call to join, about 0.5 % erased stubs. Every account shares one BCrypt hash (cost 10, as
 * community-service hashes) of {@link #PASSWORD}, and the known account {@link #KNOWN_EMAIL} (transition team of
 * Paris, listed) is there to log in with.
 *
 * <p>Member {@code i} is the same on every run (seeded by its number), and the loader adds members until the
 * collection holds {@code --total} of them, so 10,000 then 100,000 loads the same first 10,000 as 100,000 at once.
 *
 * <p>Needs community-service's classes and libraries (the MongoDB driver, spring-security-crypto); from the
 * repository root, after a build:
 * <pre>{@code
 * java -Djarmode=tools -jar community-service/target/community-service.jar extract --destination /tmp/cs
 * java -cp '/tmp/cs/community-service.jar:/tmp/cs/lib/*' bench/MemberLoader.java --total 100000 \
 *      [--mongo mongodb://localhost:27017] [--batch 1000] [--seed 6] [--now 2026-11-28T12:00:00Z]
 * }</pre>
 * It prints one line: how many it inserted, the totals by kind, how long it took, and the account to log in with.
 */
public class MemberLoader {

    static final String DATABASE = "nzc-community";
    static final String COLLECTION = "members";
    static final String CLASS = "org.netzerocities.community.member.Member";
    /** Loaded members' emails end so; nothing else in the platform uses this domain. */
    static final String DOMAIN = "@bench.example.org";
    static final String KNOWN_EMAIL = "bench.team" + DOMAIN;
    static final String PASSWORD = "bench password 2026";
    static final String KNOWN_CITY = "paris";

    static final List<String> TOPICS = List.of("energy", "mobility", "buildings", "green-space", "waste", "food",
            "participation", "water", "adaptation");
    /** Second and third languages people list, English the most often. */
    static final List<String> FOREIGN = List.of("en", "en", "en", "en", "en", "fr", "de", "es", "it", "nl", "pt",
            "pl", "sv", "ro", "el", "hu");

    public static void main(String[] args) {
        String uri = option(args, "--mongo", "mongodb://localhost:27017");
        int total = Integer.parseInt(option(args, "--total", "100000"));
        int batch = Integer.parseInt(option(args, "--batch", "1000"));
        long seed = Long.parseLong(option(args, "--seed", "6"));
        Instant now = Instant.parse(option(args, "--now", Instant.now().truncatedTo(ChronoUnit.DAYS).toString()));

        // the driver logs through community-service's Logback, whose default is to print everything
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        List<City> cities = City.load();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> members = client.getDatabase(DATABASE).getCollection(COLLECTION);
            // one hash for every loaded account: the known account's, when an earlier load made it
            Document known = members.find(Filters.eq("email", KNOWN_EMAIL)).first();
            String passwordHash = known != null ? known.getString("passwordHash")
                    : "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD);
            Profiles profiles = new Profiles(cities, seed, now, passwordHash);
            // j: false: the durable embedded store then leaves the batch to its next commit instead of committing
            // its file after every batch (the journaled count at the end commits whatever is left)
            MongoCollection<Document> bulk = members.withWriteConcern(WriteConcern.W1.withJournal(false));
            Instant start = Instant.now();
            if (known == null) {
                members.insertOne(profiles.knownAccount());
            }
            int existing = loaded(members, profiles, total);
            int inserted = 0;
            int duplicates = 0;
            Counts counts = new Counts();
            for (int from = existing; from < total; from += batch) {
                List<Document> documents = new ArrayList<>();
                for (int i = from; i < Math.min(total, from + batch); i++) {
                    Document member = profiles.member(i);
                    counts.add(member);
                    documents.add(member);
                }
                try {
                    inserted += bulk.insertMany(documents, new InsertManyOptions().ordered(false))
                            .getInsertedIds().size();
                }
                catch (MongoBulkWriteException partly) { // an earlier, interrupted load left some of them
                    duplicates += partly.getWriteErrors().size();
                    inserted += documents.size() - partly.getWriteErrors().size();
                }
                if ((from + batch) % 10_000 < batch || from + batch >= total) {
                    System.err.printf(Locale.ROOT, "loaded %d of %d after %.1f s%n", Math.min(total, from + batch),
                            total, Duration.between(start, Instant.now()).toMillis() / 1000.0);
                }
            }
            long stored = members.countDocuments(); // any acknowledged command commits the durable store's file
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT,
                    "inserted=%d existing=%d total=%d skipped-duplicates=%d seconds=%.1f docs/s=%.0f collection=%d | inserted: "
                            + "%s | log in as %s / %s%n",
                    inserted, existing, existing + inserted, duplicates, seconds,
                    inserted / Math.max(seconds, 0.001), stored, counts, KNOWN_EMAIL, PASSWORD);
        }
    }

    /**
     * How many of members 0..total-1 are in the collection already: member ids do not depend on what else is
     * loaded, and a load adds them in order, so a binary search on "member i is there" (a find by id) finds it.
     */
    static int loaded(MongoCollection<Document> members, Profiles profiles, int total) {
        int low = 0; // members 0..low-1 are there
        int high = total; // members high.. are not (or beyond total)
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (members.countDocuments(Filters.eq("_id", profiles.id(middle))) > 0) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

    /** A Cities Mission city as community-service's reference data has it. */
    record City(String id, String name, String language, String timeZone) {

        /** From the catalogue inside community-service's jar, as the service reads it. */
        static List<City> load() {
            try (var in = MemberLoader.class.getClassLoader().getResourceAsStream("reference/mission-cities.json")) {
                if (in == null) {
                    throw new IllegalStateException("reference/mission-cities.json is not on the classpath: run with "
                            + "community-service's classes and libraries (see the class comment)");
                }
                String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                List<City> cities = new ArrayList<>();
                for (Object entry : Document.parse("{\"cities\": " + json + "}").getList("cities", Object.class)) {
                    Document city = (Document) entry;
                    cities.add(new City(city.getString("id"), city.getString("name"), city.getString("language"),
                            city.getString("timeZone")));
                }
                return cities;
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** What was inserted, by kind. */
    static final class Counts {
        int members;
        int visible;
        int frontrunners;
        int transitionTeam;
        int erased;
        int withCallCode;
        int withBio;

        void add(Document member) {
            members++;
            if (member.get("erasedAt") != null) {
                erased++;
                return;
            }
            visible += Boolean.TRUE.equals(member.get("directoryVisible")) ? 1 : 0;
            withCallCode += member.get("callCode") != null ? 1 : 0;
            withBio += member.get("bio") != null ? 1 : 0;
            for (Object grant : member.getList("roles", Object.class)) {
                String role = ((Document) grant).getString("role");
                frontrunners += "FRONTRUNNER".equals(role) ? 1 : 0;
                transitionTeam += "TRANSITION_TEAM".equals(role) ? 1 : 0;
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%d members, %d listed in the directory, %d frontrunners, %d transition team, %d with a bio, "
                            + "%d via a call to join, %d erased",
                    members, visible, frontrunners, transitionTeam, withBio, withCallCode, erased);
        }
    }

    /** Member {@code i}, the same for a given seed whatever else is loaded. */
    static final class Profiles {

        private final List<City> cities;
        private final double[] cumulativeWeight;
        private final long seed;
        private final Instant now;
        private final String passwordHash;

        Profiles(List<City> cities, long seed, Instant now, String passwordHash) {
            this.cities = cities;
            this.seed = seed;
            this.now = now;
            this.passwordHash = passwordHash;
            // some cities have many more members than others: weight 1/sqrt(rank) in an order fixed by the seed
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < cities.size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, new java.util.Random(seed));
            double[] weights = new double[cities.size()];
            for (int rank = 0; rank < order.size(); rank++) {
                weights[order.get(rank)] = 1 / Math.sqrt(rank + 1);
            }
            cumulativeWeight = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulativeWeight[i] = sum;
            }
            for (int i = 0; i < weights.length; i++) {
                cumulativeWeight[i] /= sum;
            }
        }

        Document knownAccount() {
            City city = cities.stream().filter(c -> c.id().equals(KNOWN_CITY)).findFirst().orElse(cities.get(0));
            SplittableRandom random = new SplittableRandom(seed - 1);
            Instant joinedAt = now.minus(Duration.ofDays(200));
            return document(uuid(random), KNOWN_EMAIL, "Bench Équipe Transition",
                    "Transition team of " + city.name() + ": energy, mobility and participation.",
                    new Document(), null, city, List.of("fr", "en"), List.of("energy", "mobility", "participation"),
                    null, null, List.of(Grant.MEMBER, Grant.TRANSITION_TEAM), true, joinedAt, 3L);
        }

        private SplittableRandom random(int i) {
            return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        }

        /** The id of member {@code i}: the first draw of its random sequence. */
        String id(int i) {
            return uuid(random(i));
        }

        Document member(int i) {
            SplittableRandom random = random(i);
            String id = uuid(random);
            // the first member of every city is on its transition team: each city has one to log in with
            City city = i < cities.size() ? cities.get(i) : weightedCity(random.nextDouble());
            Instant joinedAt = now.minusMillis(random.nextLong(Duration.ofDays(365).toMillis()));
            if (i >= cities.size() && random.nextInt(1000) < 5) {
                return erased(id, joinedAt, city, random);
            }
            Names.Name name = Names.pick(city.language(), random);
            String displayName = displayName(name, random);
            String email = Names.emailLocalPart(name) + "." + i + DOMAIN;
            List<String> languages = languages(city, random);
            List<String> interests = pickDistinct(TOPICS, 1 + random.nextInt(4), random);
            String bio = random.nextInt(100) < 70 ? Bios.bio(city, interests, random) : null;
            Document socialHandles = socialHandles(Names.emailLocalPart(name), random);
            String timeZone = random.nextInt(100) < 3 ? ownTimeZone(city, random) : null;
            String callCode = null;
            String campaignRef = null;
            int via = random.nextInt(100);
            if (via < 15) {
                callCode = callCode(city, random);
            }
            else if (via < 20) {
                campaignRef = "campaign:" + TOPICS.get(random.nextInt(TOPICS.size())) + "-week-" + (2025 + random.nextInt(2));
            }
            List<Grant> grants = new ArrayList<>();
            grants.add(Grant.MEMBER);
            if (random.nextInt(1000) < 30) {
                grants.add(Grant.FRONTRUNNER);
            }
            if (i < cities.size() || random.nextInt(1000) < 5) {
                grants.add(Grant.TRANSITION_TEAM);
            }
            boolean visible = random.nextInt(100) < 60;
            // registration 0, the relay's removal of the joining events +1; each grant +1 and its removal +1;
            // a profile edit (bio, opt-in, links) +1 and its removal +1
            long version = 1 + 2L * (grants.size() - 1)
                    + (bio != null || visible || !socialHandles.isEmpty() || timeZone != null ? 2 : 0);
            return document(id, email, displayName, bio, socialHandles, timeZone, city, languages, interests,
                    callCode, campaignRef, grants, visible, joinedAt, version);
        }

        /** Field by field in the order community-service's mapping writes them; null fields are left out as it does. */
        private Document document(String id, String email, String displayName, String bio, Document socialHandles,
                String timeZone, City city, List<String> languages, List<String> interests, String callCode,
                String campaignRef, List<Grant> grants, boolean visible, Instant joinedAt, long version) {
            Document member = new Document("_id", id);
            member.append("email", email);
            member.append("passwordHash", passwordHash);
            member.append("displayName", displayName);
            putIfSet(member, "bio", bio);
            member.append("socialHandles", socialHandles);
            putIfSet(member, "timeZone", timeZone);
            member.append("city", city.id());
            member.append("languages", languages);
            member.append("interests", interests);
            member.append("keywords", Keywords.of(displayName, bio));
            member.append("sortName", Keywords.normalise(displayName));
            putIfSet(member, "callCode", callCode);
            putIfSet(member, "campaignRef", campaignRef);
            List<Document> roles = new ArrayList<>();
            for (Grant grant : grants) {
                Document role = new Document("role", grant.name());
                if (grant != Grant.MEMBER) {
                    role.append("city", city.id());
                }
                roles.add(role);
            }
            member.append("roles", roles);
            member.append("directoryVisible", visible);
            member.append("joinedAt", java.util.Date.from(joinedAt));
            member.append("joinedWeek", isoWeek(joinedAt, ZoneId.of(city.timeZone())));
            member.append("termsVersion", 1); // registered members accepted the terms a fresh platform seeds
            member.append("version", version);
            member.append("outbox", new ArrayList<>());
            member.append("_class", CLASS);
            return member;
        }

        /** The stub an erasure leaves: no personal data, no roles, the email a placeholder no address equals. */
        private Document erased(String id, Instant joinedAt, City city, SplittableRandom random) {
            Instant erasedAt = joinedAt.plusMillis(random.nextLong(Math.max(1, Duration.between(joinedAt, now).toMillis())));
            Document stub = new Document("_id", id);
            stub.append("email", "erased:" + id);
            stub.append("socialHandles", new Document());
            stub.append("languages", new ArrayList<>());
            stub.append("interests", new ArrayList<>());
            stub.append("keywords", new ArrayList<>());
            stub.append("roles", new ArrayList<>());
            stub.append("directoryVisible", false);
            stub.append("joinedAt", java.util.Date.from(joinedAt));
            stub.append("joinedWeek", isoWeek(joinedAt, ZoneId.of(city.timeZone())));
            stub.append("erasedAt", java.util.Date.from(erasedAt));
            stub.append("version", 3L);
            stub.append("outbox", new ArrayList<>());
            stub.append("_class", CLASS);
            return stub;
        }

        private City weightedCity(double u) {
            for (int i = 0; i < cumulativeWeight.length; i++) {
                if (u < cumulativeWeight[i]) {
                    return cities.get(i);
                }
            }
            return cities.get(cities.size() - 1);
        }

        private static String displayName(Names.Name name, SplittableRandom random) {
            int form = random.nextInt(100);
            if (form < 6) {
                return name.first(); // first name only
            }
            if (form < 12) {
                return name.first() + " " + name.last().charAt(0) + "."; // initial
            }
            return name.first() + " " + name.last();
        }

        private static List<String> languages(City city, SplittableRandom random) {
            Set<String> languages = new LinkedHashSet<>();
            languages.add(city.language());
            int count = random.nextInt(100) < 45 ? 1 : random.nextInt(100) < 70 ? 2 : 3;
            for (int tries = 0; languages.size() < count && tries < 10; tries++) {
                languages.add(FOREIGN.get(random.nextInt(FOREIGN.size())));
            }
            return new ArrayList<>(languages);
        }

        private static Document socialHandles(String slug, SplittableRandom random) {
            Document handles = new Document();
            if (random.nextInt(100) < 10) {
                handles.append("instagram", "https://www.instagram.com/" + slug.replace('-', '_'));
            }
            if (random.nextInt(100) < 12) {
                handles.append("linkedin", "https://www.linkedin.com/in/" + slug + "-" + random.nextInt(1000));
            }
            if (random.nextInt(100) < 6) {
                handles.append("website", "https://" + slug + ".example.net");
            }
            return handles;
        }

        private static String ownTimeZone(City city, SplittableRandom random) {
            List<String> zones = List.of("UTC", "Europe/London", "Europe/Lisbon", "Europe/Berlin", "Europe/Athens",
                    "America/New_York", "Asia/Tokyo");
            String zone = zones.get(random.nextInt(zones.size()));
            return zone.equals(city.timeZone()) ? "UTC" : zone;
        }

        /** A city's calls to join have codes like {@code LYON-2026-3}: three calls per city. */
        private static String callCode(City city, SplittableRandom random) {
            String prefix = city.id().toUpperCase(Locale.ROOT);
            prefix = prefix.length() > 20 ? prefix.substring(0, 20) : prefix;
            return prefix + "-" + (2025 + random.nextInt(2)) + "-" + (1 + random.nextInt(3));
        }

        private static String uuid(SplittableRandom random) {
            long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
            long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
            return new UUID(most, least).toString();
        }

        private static void putIfSet(Document document, String key, Object value) {
            if (value != null) {
                document.append(key, value);
            }
        }
    }

    enum Grant {
        MEMBER, FRONTRUNNER, TRANSITION_TEAM
    }

    /** As community-service's {@code Weeks}: the ISO week as lived in the city's zone, e.g. {@code 2026-W48}. */
    static String isoWeek(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return "%d-W%02d".formatted(local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static <T> List<T> pickDistinct(List<T> from, int count, SplittableRandom random) {
        List<T> left = new ArrayList<>(from);
        List<T> picked = new ArrayList<>();
        while (picked.size() < count && !left.isEmpty()) {
            picked.add(left.remove(random.nextInt(left.size())));
        }
        return picked;
    }

    /** First and last names by language, with their accents; a few languages also in their own script. */
    static final class Names {

        record Name(String first, String last, String latinFirst, String latinLast) {
        }

        private static final Map<String, String[][]> LATIN = new LinkedHashMap<>();
        /** Greek, Bulgarian and Hebrew names in their own script, as about half of those members write them. */
        private static final Map<String, String[][]> NATIVE = new LinkedHashMap<>();

        static {
            latin("fr", "Amélie Chloé Léa Zoé Hélène Océane Françoise Noémie Mathéo Théo Jérôme François Loïc Raphaël Gaëtan Benoît Anaïs Céline",
                    "Lefèvre Dubois Girard Bélanger Lémieux Mercier Rousseau Fontaine Chevalier Garnier Lacroix Bénard Faure Mérieux Déschamps Brûlé");
            latin("de", "Jürgen Jörg Günter Björn Sören Lukas Jonas Lena Jülide Käthe Bärbel Marie Hannah Mia Felix Maximilian Lea Anja",
                    "Müller Schäfer Schröder Weiß Groß Köhler Wagner Becker Hoffmann Krüger Böhm Jäger Fuß Lößl Bauer Zöllner");
            latin("it", "Niccolò Nicolò Giosuè Mattia Francesco Lorenzo Giulia Chiara Sofia Aurora Martina Alessandro Federica Luca Noè Elisa",
                    "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De Luca Mancini Costa Fortunato Sanfilippo");
            latin("nl", "Daan Sem Lieke Anouk Fleur Ruben Thijs Noë Joëlle Eline Bram Femke Jeroen Maaike Sanne Wouter",
                    "de Jong Jansen de Vries van den Berg van Dijk Bakker Janssen Visser Smit Meijer de Boer Mulder Dekker Brouwer Hendriks Schouten");
            latin("el", "Giorgos Dimitris Konstantinos Ioannis Nikos Eleni Maria Katerina Sofia Vasiliki Panagiotis Christina Angeliki Alexandros",
                    "Papadopoulos Georgiou Nikolaou Dimitriou Konstantinidis Papadaki Vlachou Ioannou Karagiannis Makris Oikonomou Alexiou");
            nativeNames("el", "Γιώργος Δημήτρης Κωνσταντίνος Ιωάννης Νίκος Ελένη Μαρία Κατερίνα Σοφία Βασιλική Παναγιώτης Χριστίνα Αγγελική",
                    "Παπαδόπουλος Γεωργίου Νικολάου Δημητρίου Κωνσταντινίδης Παπαδάκη Βλάχου Ιωάννου Καραγιάννης Μακρής Οικονόμου");
            latin("es", "José Jesús Martín Íñigo Álvaro Lucía Sofía María Begoña Inés Ramón Nuria Adrián Óscar Irene Raúl",
                    "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Jiménez Muñoz Álvarez Romero Íñiguez Ortiz Peña");
            latin("sv", "Åsa Björn Göran Måns Linnéa Elsa Astrid Oskar Erik Maja Ebba Jöns Sören Ingrid Hampus Märta",
                    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jönsson Åberg Öberg Ström Holmén");
            latin("fi", "Väinö Eetu Aino Helmi Eino Siiri Onni Venla Tuomas Päivi Sanna Jyrki Mikko Elina Jännä",
                    "Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen Räsänen Kärkkäinen");
            latin("pl", "Łukasz Paweł Michał Wojciech Zofia Małgorzata Agnieszka Anna Katarzyna Piotr Bartłomiej Jędrzej Żaneta Grażyna Krzysztof",
                    "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur");
            latin("en", "Oliver George Harry Amelia Olivia Isla Siobhán Aoife Niamh Seán Eoin Fiona Callum Morag Jack Emily",
                    "Smith Jones Taylor Brown Williams Wilson Murphy O'Brien Kelly Campbell MacDonald Stewart Walsh Byrne Ó Súilleabháin");
            latin("da", "Søren Bjørn Jørgen Frederik Mads Sofie Ida Freja Astrid Mathilde Rasmus Sørine Kirsten Ebbe Mette",
                    "Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Møller Kjær Østergaard Bæk");
            latin("hu", "Bálint Gergő Máté Ádám Zsófia Réka Dóra Eszter Lőrinc Ödön Tünde Csilla Bence Gábor Zoltán",
                    "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Lakatos Takács Juhász Szűcs");
            latin("no", "Øystein Bjørn Håkon Ådne Sindre Ingrid Nora Emma Solveig Kjersti Torbjørn Jørgen Åse Marit Eirik",
                    "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Berg Haugen Hågensen Sæther Løvik");
            latin("pt", "João José Gonçalo Tomás Inês Beatriz Leonor Matilde Conceição Simão Sebastião Íris Luís André Raquel",
                    "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes Gonçalves Gomes Lopes Marques Simões");
            latin("ro", "Ștefan Andrei Mihai Ionuț Răzvan Alexandra Ioana Mădălina Ana Bianca Cătălina Elena Bogdan Cristian Florin",
                    "Popescu Ionescu Popa Stan Dumitru Stoica Gheorghe Matei Ciobanu Rusu Mureșan Constantinescu Dinu Marin Țurcanu Lăcătuș");
            latin("sl", "Luka Nejc Žiga Jaša Anže Ana Nika Maša Špela Urška Tjaša Matevž Gašper Rok Eva",
                    "Novak Horvat Kovačič Krajnc Zupančič Potočnik Kovač Mlakar Kos Vidmar Golob Turk Božič Kralj Žagar");
            latin("bg", "Georgi Ivan Dimitar Nikolay Petar Maria Elena Yordanka Desislava Radostina Hristo Kalina Boyan Teodora",
                    "Ivanov Georgiev Dimitrov Petrov Nikolov Hristov Stoyanov Todorov Ivanova Georgieva Dimitrova Petrova Angelova");
            nativeNames("bg", "Георги Иван Димитър Николай Петър Мария Елена Йорданка Десислава Радостина Христо Калина Боян Теодора",
                    "Иванов Георгиев Димитров Петров Николов Христов Стоянов Тодоров Иванова Георгиева Димитрова Петрова Ангелова");
            latin("lt", "Jonas Lukas Matas Dominykas Žygimantas Gabija Emilija Austėja Ugnė Rūta Vytautas Šarūnas Aušra Kęstutis",
                    "Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas Urbonas Kavaliauskas Šimkus Jonaitis");
            latin("lv", "Jānis Andris Mārtiņš Kārlis Edgars Anna Līga Ilze Kristīne Inese Dārta Rūdolfs Gunārs Ieva",
                    "Bērziņš Kalniņš Ozoliņš Jansons Ozols Liepiņa Krūmiņš Balodis Eglītis Zariņš Pētersons Vītols Kļaviņa Šmits");
            latin("sk", "Ľubomír Marek Tomáš Jakub Lukáš Zuzana Katarína Mária Ľudmila Veronika Michal Dávid Ján Petra",
                    "Horváth Kováč Varga Tóth Nagy Baláž Szabó Molnár Lukáč Novák Krajčovič Šimko Čierny Kubiš Hudák");
            latin("tr", "Mehmet Mustafa Ahmet Ali Hüseyin Ayşe Fatma Zeynep Elif Şule Gökhan Çağla Özge Ömer İrem Barış",
                    "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Koç");
            latin("sq", "Arbër Blerim Dritan Erion Gëzim Besa Drita Elira Jonida Mimoza Ilir Klodian Ëngjëll Vjosa",
                    "Hoxha Shehu Gashi Leka Dervishi Çela Krasniqi Berisha Kola Mema Prifti Rama Bajrami Dushku");
            latin("bs", "Amir Emir Haris Tarik Adnan Amra Lejla Ajla Emina Selma Dženan Đorđe Šejla Ćamil",
                    "Hodžić Hadžić Begić Delić Kovačević Mehmedović Ibrahimović Hasanović Čolić Šehić Smajić Đulić");
            latin("cs", "Jiří Petr Tomáš Jakub Lukáš Tereza Eliška Anežka Kateřina Barbora Vojtěch Ondřej Šimon Věra",
                    "Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák Němec Pokorný Marek Růžička Šťastný");
            latin("et", "Märt Jüri Tõnis Rasmus Karl Liis Kätlin Triin Mari Elo Andres Õnne Heiki Merike",
                    "Tamm Saar Sepp Mägi Kask Kukk Rebane Ilves Pärn Koppel Kõiv Lepik Luik Õun");
            latin("hr", "Ivan Luka Marko Josip Matej Ana Petra Ivana Lucija Nikolina Đuro Željko Mislav Tena",
                    "Horvat Kovačević Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović Matić Šarić Tomić");
            latin("he", "Noa Tamar Yael Maya Shira Avi Yosef Daniel Itai Noam Omer Ariel Liora Eitan",
                    "Cohen Levi Mizrahi Peretz Biton Dahan Avraham Friedman Malka Azoulay Katz Ben-David Shapiro Golan");
            nativeNames("he", "נועה תמר יעל מאיה שירה אבי יוסף דניאל איתי נעם עומר אריאל",
                    "כהן לוי מזרחי פרץ ביטון דהן אברהם פרידמן מלכה אזולאי כץ שפירו");
            latin("is", "Jón Sigurður Guðmundur Gunnar Ólafur Guðrún Anna Kristín Sigríður Margrét Þórunn Björk Ægir Halldóra",
                    "Jónsson Sigurðsson Guðmundsson Gunnarsson Ólafsson Jónsdóttir Sigurðardóttir Guðmundsdóttir Þórsdóttir Einarsdóttir");
            latin("lb", "Luc Tom Ben Max Léon Emma Lena Lara Mia Léa Jérôme Gilles Nathalie Joëlle",
                    "Schmit Muller Weber Wagner Hoffmann Thill Schmitz Klein Kieffer Reuter Majerus Feltgen Schaack Hëmmer");
            latin("sr", "Marko Nikola Stefan Luka Đorđe Milica Jelena Anđela Teodora Ivana Vuk Dušan Željko Snežana",
                    "Popović Đukanović Vujović Radović Marković Lalić Šćekić Bulatović Dragović Jovanović Vuković Perović");
            latin("mt", "Ġorġ Ġużeppi Ċensu Karmenu Luke Marija Rita Ġesmond Mariella Nicole Matthew Ċettina",
                    "Borg Camilleri Vella Farrugia Zammit Galea Micallef Grech Attard Spiteri Azzopardi Mifsud Debono Xuereb");
        }

        private static void latin(String language, String firsts, String lasts) {
            LATIN.put(language, new String[][] {firsts.split(" "), lastNames(lasts)});
        }

        private static void nativeNames(String language, String firsts, String lasts) {
            NATIVE.put(language, new String[][] {firsts.split(" "), lasts.split(" ")});
        }

        /** Last names may be two words ("de Jong", "Ó Súilleabháin"): a lowercase particle joins the next word. */
        private static String[] lastNames(String words) {
            List<String> names = new ArrayList<>();
            String pending = "";
            for (String word : words.split(" ")) {
                if (word.equals("de") || word.equals("van") || word.equals("den") || word.equals("Ó") || word.equals("De")) {
                    pending = pending + word + " ";
                }
                else {
                    names.add(pending + word);
                    pending = "";
                }
            }
            return names.toArray(String[]::new);
        }

        static Name pick(String language, SplittableRandom random) {
            // a tenth of the members of any city have names from elsewhere in Europe
            String from = random.nextInt(10) == 0
                    ? new ArrayList<>(LATIN.keySet()).get(random.nextInt(LATIN.size())) : language;
            String[][] latin = LATIN.getOrDefault(from, LATIN.get("en"));
            int first = random.nextInt(latin[0].length);
            int last = random.nextInt(latin[1].length);
            String[][] own = NATIVE.get(from);
            if (own != null && random.nextBoolean()) {
                return new Name(own[0][first % own[0].length], own[1][last % own[1].length], latin[0][first],
                        latin[1][last]);
            }
            return new Name(latin[0][first], latin[1][last], latin[0][first], latin[1][last]);
        }

        /** {@code jurgen.muller}: what people's addresses look like. */
        static String emailLocalPart(Name name) {
            String local = (Keywords.normalise(name.latinFirst()) + "." + Keywords.normalise(name.latinLast()))
                    .replaceAll("[^a-z0-9.]+", "");
            return local.isEmpty() ? "member" : local;
        }
    }

    /** A few words about oneself and one's climate topics, mostly in English, some in the city's language. */
    static final class Bios {

        private static final Map<String, List<String>> ABOUT = Map.of(
                "energy", List.of("community solar on our roofs", "energy cooperatives", "heat pumps for everyone",
                        "cutting energy poverty", "renewable energy"),
                "mobility", List.of("safe cycling lanes", "car-free school streets", "better public transport",
                        "shared mobility", "walkable neighbourhoods"),
                "buildings", List.of("deep renovation of old buildings", "timber construction", "insulating social housing",
                        "retrofitting schools"),
                "green-space", List.of("urban gardens", "planting street trees", "pocket parks", "rewilding the riverbank"),
                "waste", List.of("repair cafés", "zero waste shops", "composting", "circular economy"),
                "food", List.of("local food markets", "plant-based canteens", "community-supported agriculture",
                        "food waste"),
                "participation", List.of("citizen assemblies", "participatory budgets", "neighbourhood councils",
                        "engaging young people"),
                "water", List.of("rainwater harvesting", "clean rivers", "saving drinking water", "sponge city ideas"),
                "adaptation", List.of("heatwave preparedness", "flood resilience", "cool spots for summer",
                        "climate adaptation plans"));
        private static final List<String> ROLES = List.of("Engineer", "Teacher", "Student", "Architect", "Urban planner",
                "Retired nurse", "Software developer", "Shop owner", "Researcher", "Parent of two", "Cyclist",
                "Gardener", "Social worker", "Journalist", "Designer", "Electrician");
        private static final Map<String, String> LOCAL = Map.of(
                "de", "Engagiert für Klimaschutz in %s.",
                "fr", "Engagée pour la transition écologique à %s.",
                "it", "Impegnato per la neutralità climatica di %s.",
                "es", "Comprometida con la transición energética en %s.",
                "nl", "Actief voor een klimaatneutraal %s.",
                "pl", "Działam na rzecz klimatu w mieście %s.",
                "sv", "Engagerad i klimatomställningen i %s.",
                "pt", "Empenhado na transição climática de %s.",
                "ro", "Implicată în tranziția verde din %s.",
                "el", "Ενεργός πολίτης για το κλίμα στην πόλη %s.");

        static String bio(City city, List<String> interests, SplittableRandom random) {
            String local = LOCAL.get(city.language());
            if (local != null && random.nextInt(100) < 30) {
                return local.formatted(city.name()) + " " + about(interests.get(0), random) + ".";
            }
            StringBuilder bio = new StringBuilder(ROLES.get(random.nextInt(ROLES.size()))).append(" in ")
                    .append(city.name()).append(". Into ").append(about(interests.get(0), random));
            if (interests.size() > 1) {
                bio.append(" and ").append(about(interests.get(1), random));
            }
            return bio.append('.').toString();
        }

        private static String about(String topic, SplittableRandom random) {
            List<String> phrases = ABOUT.get(topic);
            return phrases.get(random.nextInt(phrases.size()));
        }
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
