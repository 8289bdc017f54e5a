package io.callisto.platform.openapi;

import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** {@code GET /openapi}: YAML by default, JSON for {@code Accept: application/json} or {@code ?format=json}. */
public final class OpenApiApi implements ApiService {
    private final Supplier<OpenApiDocument> document;

    public OpenApiApi(Supplier<OpenApiDocument> document) {
        this.document = document;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.open(Method.GET, "/openapi", (req, res) -> {
            String accept = req.headers().first(HeaderNames.ACCEPT).orElse("").toLowerCase(Locale.ROOT);
            boolean json = req.query().first("format").map("json"::equalsIgnoreCase).orElse(false)
                    || (accept.contains("application/json") && !accept.contains("yaml"));
            res.header(HeaderNames.CONTENT_TYPE, json ? "application/json" : "application/yaml");
            res.send(json ? document.get().json() : document.get().yaml());
        }));
    }

    @Override
    public String openApiFragment() {
        return "openapi/openapi.yaml";
    }
}
