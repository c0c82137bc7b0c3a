package org.netzerocities.community.city;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 112 Cities Mission cities (100 from EU member states, 12 from associated countries), reference
 * data shipped with the service.
 */
@Component
public class CityCatalog {

    private static final String SOURCE = "reference/mission-cities.json";

    private final Map<String, City> byId;

    @Autowired
    public CityCatalog(JsonMapper json) {
        this(load(json));
    }

    CityCatalog(List<City> cities) {
        this.byId = cities.stream()
                .sorted(Comparator.comparing(City::country).thenComparing(City::name))
                .collect(Collectors.toMap(City::id, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Duplicate city id " + a.id());
                }, LinkedHashMap::new));
    }

    public List<City> all() {
        return List.copyOf(byId.values());
    }

    public Optional<City> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public boolean exists(String id) {
        return id != null && byId.containsKey(id);
    }

    private static List<City> load(JsonMapper json) {
        try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
            return json.readValue(in, new TypeReference<List<City>>() {
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + SOURCE, ex);
        }
    }
}
