package org.netzerocities.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names the Grafana dashboards under {@code deploy/grafana/dashboards} query: from every panel's PromQL
 * ({@code expr}) and every variable's {@code label_values(metric, label)}.
 */
final class DashboardMetrics {

    static final Path DIRECTORY = Path.of("deploy", "grafana", "dashboards");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    // what is not a metric name: label matchers, ranges, strings, grouping labels and functions
    private static final Pattern NOT_NAMES = Pattern.compile(
            "\\{[^}]*}|\\[[^]]*]|\"[^\"]*\"|\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool");

    private DashboardMetrics() {
    }

    static List<Path> dashboards(Path repoRoot) throws IOException {
        try (Stream<Path> files = Files.list(repoRoot.resolve(DIRECTORY))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The metric names one dashboard queries. */
    static Set<String> metricNames(Path dashboard) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String query : queries(JSON.readTree(dashboard.toFile()))) {
            Matcher variable = LABEL_VALUES.matcher(query);
            if (variable.find()) {
                names.add(variable.group(1));
                continue;
            }
            Matcher identifier = IDENTIFIER.matcher(NOT_NAMES.matcher(query).replaceAll(" "));
            while (identifier.find()) {
                if (!KEYWORDS.contains(identifier.group())) {
                    names.add(identifier.group());
                }
            }
        }
        return names;
    }

    private static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> queries.add(expr.asString()));
        dashboard.path("templating").path("list").forEach(variable -> {
            if (variable.hasNonNull("definition")) {
                queries.add(variable.get("definition").asString());
            }
        });
        return queries;
    }

    /** The metric names of a Prometheus text scrape. */
    static Set<String> scraped(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }
}
