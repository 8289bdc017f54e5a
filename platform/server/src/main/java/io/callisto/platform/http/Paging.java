package io.callisto.platform.http;

import io.callisto.core.error.Errors;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.function.Function;

/** Query parameters {@code limit} and {@code after} to a PageRequest, and a Page to {@code {items, next}}. */
public final class Paging {
    private Paging() {
    }

    public static PageRequest from(ServerRequest request) {
        String limitText = request.query().first("limit").orElse(null);
        int limit = PageRequest.DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
                throw Errors.invalid("invalid-limit", "limit must be an integer from 1 to " + PageRequest.MAX_LIMIT);
            }
        }
        String after = request.query().first("after").filter(a -> !a.isBlank()).orElse(null);
        if (after != null && after.length() > 64) {
            throw Errors.invalid("invalid-cursor", "after is not a valid cursor");
        }
        return new PageRequest(limit, after);
    }

    /** The collection shape every list endpoint answers. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Collection<T>(List<T> items, String next) {
    }

    public static <T, R> Collection<R> collection(Page<T> page, Function<T, R> view) {
        return new Collection<>(page.items().stream().map(view).toList(), page.next());
    }
}
