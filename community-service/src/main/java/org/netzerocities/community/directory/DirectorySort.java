package org.netzerocities.community.directory;

import java.util.Arrays;
import java.util.Optional;

import org.netzerocities.community.member.Member;
import org.springframework.data.domain.Sort;

/** The orders the directory offers; the id breaks ties so that pages neither repeat nor skip anyone. */
enum DirectorySort {
    /** Alphabetical by display name, accent- and case-insensitive. */
    NAME("name", Sort.by(Sort.Order.asc(Member.SORT_NAME), Sort.Order.asc("_id"))),
    /** Most recently joined first. */
    NEWEST("newest", Sort.by(Sort.Order.desc(Member.JOINED_AT), Sort.Order.asc("_id")));

    private final String parameter;
    private final Sort sort;

    DirectorySort(String parameter, Sort sort) {
        this.parameter = parameter;
        this.sort = sort;
    }

    static Optional<DirectorySort> parse(String parameter) {
        return Arrays.stream(values()).filter(value -> value.parameter.equals(parameter)).findFirst();
    }

    String parameter() {
        return parameter;
    }

    Sort sort() {
        return sort;
    }
}
