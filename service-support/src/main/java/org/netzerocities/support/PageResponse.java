package org.netzerocities.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The paged list shape of the portal API: {@code {items, page, size, total}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Items skipped before a page: {@code page * size} must stay an {@code int} for the skip queries make. */
    static final long MAX_OFFSET = Integer.MAX_VALUE - MAX_SIZE;

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }

    /** Pages an in-memory list, for small reference data. */
    public static <T> PageResponse<T> of(List<T> all, Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(from + pageable.getPageSize(), all.size());
        return new PageResponse<>(all.subList(from, to), pageable.getPageNumber(), pageable.getPageSize(), all.size());
    }

    /**
     * The page the client asked for.
     *
     * @throws ApiProblem 400 when {@code page} is negative, {@code size} is outside 1..100, or the page lies so
     *                    far out that its offset would not fit the {@code int} skip of the database drivers
     */
    public static Pageable request(int page, int size, Sort sort) {
        var errors = new ArrayList<ApiProblem.FieldError>();
        if (page < 0) {
            errors.add(new ApiProblem.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new ApiProblem.FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw ApiProblem.invalid("page", "must be at most " + MAX_OFFSET / size + " with size " + size);
        }
        return PageRequest.of(page, size, sort);
    }
}
