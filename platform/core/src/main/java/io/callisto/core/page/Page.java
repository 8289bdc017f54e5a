package io.callisto.core.page;

import java.util.List;
import java.util.function.Function;

/** A page of a collection and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String next) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }

    /** Builds a page from up to limit+1 fetched items: the extra one only proves there is a next page. */
    public static <T> Page<T> ofFetched(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }
}
