package io.callisto.admin.calls;

import io.callisto.core.calls.CallFilter;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.callisto.core.page.PageRequest;
import io.helidon.webserver.http.ServerRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of {@code GET /api/v1/calls}: {@code agentId}, {@code queueId}, {@code from} (inclusive) and {@code to}
 * (exclusive) as ISO-8601 instants of the calls' start, and {@code limit} and {@code after} as on every list. A call
 * list's cursor holds a time and a call id, so it may be longer than other lists' (up to {@value #MAX_CURSOR}).
 */
record CallQuery(CallFilter filter, PageRequest page) {
    static final int MAX_CURSOR = 256;
    private static final int MAX_ID = 64;

    static CallQuery of(ServerRequest req) {
        List<CallistoException.FieldError> errors = new ArrayList<>();
        String agentId = id(req, "agentId", errors);
        String queueId = id(req, "queueId", errors);
        Instant from = instant(req, "from", errors);
        Instant to = instant(req, "to", errors);
        int limit = limit(req, errors);
        String after = req.query().first("after").filter(a -> !a.isBlank()).orElse(null);
        if (!errors.isEmpty()) {
            throw Errors.invalid(errors);
        }
        if (after != null && after.length() > MAX_CURSOR) {
            throw Errors.invalid("invalid-cursor", "after is not a valid cursor");
        }
        return new CallQuery(new CallFilter(agentId, queueId, from, to), new PageRequest(limit, after));
    }

    private static String id(ServerRequest req, String name, List<CallistoException.FieldError> errors) {
        String value = req.query().first(name).filter(v -> !v.isEmpty()).orElse(null);
        if (value != null && value.length() > MAX_ID) {
            errors.add(new CallistoException.FieldError(name, "at most " + MAX_ID + " characters"));
            return null;
        }
        return value;
    }

    private static Instant instant(ServerRequest req, String name, List<CallistoException.FieldError> errors) {
        String value = req.query().first(name).filter(v -> !v.isEmpty()).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            errors.add(new CallistoException.FieldError(name, "an ISO-8601 time such as 2026-01-31T09:00:00Z"));
            return null;
        }
    }

    private static int limit(ServerRequest req, List<CallistoException.FieldError> errors) {
        String text = req.query().first("limit").orElse(null);
        if (text == null) {
            return PageRequest.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= PageRequest.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new CallistoException.FieldError("limit", "an integer from 1 to " + PageRequest.MAX_LIMIT));
        return PageRequest.DEFAULT_LIMIT;
    }
}
