package io.callisto.platform.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the browser app from the classpath folder {@code web/} at {@code /}, and its index page for any
 * other browser route (client-side routing: /login, /admin/users, /agent ...).
 */
public final class WebAppService {
    public static final String LOCATION = "web";
    private final byte[] indexHtml;

    private WebAppService(byte[] indexHtml) {
        this.indexHtml = indexHtml;
    }

    /** The app, or null when no web app is on the classpath (e.g. a module's own tests). */
    public static WebAppService fromClasspath() {
        try (InputStream in = WebAppService.class.getClassLoader().getResourceAsStream(LOCATION + "/index.html")) {
            return in == null ? null : new WebAppService(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(HttpRouting.Builder routing) {
        routing.register("/", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location(LOCATION)
                .welcome("index.html")
                .build()));
        routing.get("/*", this::appRoute);
    }

    private void appRoute(ServerRequest request, ServerResponse response) {
        String path = request.path().path();
        boolean reserved = path.startsWith("/api") || path.startsWith("/observe") || path.startsWith("/openapi");
        boolean looksLikeFile = path.substring(path.lastIndexOf('/') + 1).contains(".");
        if (reserved || looksLikeFile) {
            response.next();
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        response.send(indexHtml);
    }
}
