package io.callisto.platform.work;

import io.callisto.core.error.Errors;
import io.helidon.webserver.http.ServerRequest;

/** Path ids: one that cannot be an id is simply not found (never a hint about what exists). */
public final class PathIds {
    private PathIds() {
    }

    public static String of(ServerRequest request, String name, String what) {
        String id = request.path().pathParameters().get(name);
        if (id == null || id.isBlank() || id.length() > 64) {
            throw Errors.notFound(what);
        }
        return id;
    }
}
