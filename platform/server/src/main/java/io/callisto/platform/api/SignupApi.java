package io.callisto.platform.api;

import io.callisto.core.signup.SignupRequest;
import io.callisto.core.signup.SignupResult;
import io.callisto.core.signup.SignupService;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.helidon.http.Method;
import java.util.List;

/** {@code POST /api/v1/signup}: a business creates its tenant and first admin. */
public final class SignupApi implements ApiService {
    private final SignupService signups;
    private final JsonBodies bodies;

    public SignupApi(SignupService signups, JsonBodies bodies) {
        this.signups = signups;
        this.bodies = bodies;
    }

    /** The request body; field names are part of the public API. */
    record Body(String companyName, String adminEmail, String adminPassword, String adminName, Integer seats,
                String plan) {
        @Override
        public String toString() {
            return "SignupBody[" + companyName + "]";
        }
    }

    record Created(String tenantId, String adminUserId, String status, String checkoutUrl) {
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.open(Method.POST, "/api/v1/signup", (req, res) -> {
            Body b = bodies.read(req, Body.class);
            SignupResult r = signups.signUp(new SignupRequest(b.companyName(), b.adminEmail(), b.adminPassword(),
                    b.adminName(), b.seats(), b.plan()));
            Json.created(res, "/api/v1/tenant", new Created(r.tenantId().value(), r.adminUserId().value(),
                    r.status().name(), r.checkoutUrl()));
        }));
    }

    @Override
    public String openApiFragment() {
        return "openapi/signup.yaml";
    }
}
