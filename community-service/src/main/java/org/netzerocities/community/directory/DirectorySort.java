package org.netzerocities.community.directory;

import java.util.Arrays;
import java.util.Optional;


/** The orders the directory offers; the id breaks ties so that pages neither repeat nor skip anyone. */
enum DirectorySort {
    /** Alphabetical by display name, accent- and case-insensitive. */
    NAME("name"),
    /** Most recently joined first. */
    NEWEST("newest");

    private final String parameter;
    DirectorySort(String parameter) {
        this.parameter = parameter;
    }

    static Optional<DirectorySort> parse(String parameter) {
        return Arrays.stream(values()).filter(value -> value.parameter.equals(parameter)).findFirst();
    }

    String parameter() {
        return parameter;
    }
}
