package io.callisto.admin.crm;

import io.callisto.core.crm.Contact;
import io.callisto.core.crm.ContactService;
import io.callisto.core.interaction.InteractionService;
import io.callisto.platform.http.ApiService;
import io.callisto.platform.http.Endpoint;
import io.callisto.platform.http.Json;
import io.callisto.platform.http.JsonBodies;
import io.callisto.platform.http.Paging;
import io.callisto.platform.work.PathIds;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/contacts}: the tenant's CRM contacts, their search, and their interaction history. */
public final class ContactsApi implements ApiService {
    private final ContactService contacts;
    private final InteractionService interactions;
    private final JsonBodies bodies;

    public ContactsApi(ContactService contacts, InteractionService interactions, JsonBodies bodies) {
        this.contacts = contacts;
        this.interactions = interactions;
        this.bodies = bodies;
    }

    record ContactBody(String name, List<String> phones, List<String> emails, String company, Map<String, String> fields) {
    }

    @Override
    public List<Endpoint> endpoints() {
        String one = "/api/v1/contacts/{id}";
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/contacts", (caller, req, res) -> {
                    String q = req.query().first("q").orElse(null);
                    String phone = req.query().first("phone").orElse(null);
                    Json.ok(res, Paging.collection(contacts.search(caller, q, phone, Paging.from(req)), c -> c));
                }),
                Endpoint.authenticated(Method.POST, "/api/v1/contacts", (caller, req, res) -> {
                    Contact created = contacts.create(caller, input(bodies.read(req, ContactBody.class)));
                    Json.created(res, "/api/v1/contacts/" + created.id(), created);
                }),
                Endpoint.authenticated(Method.GET, one, (caller, req, res) -> Json.ok(res, contacts.get(caller, id(req)))),
                Endpoint.authenticated(Method.PATCH, one, this::update),
                Endpoint.authenticated(Method.PUT, one, this::update),
                Endpoint.authenticated(Method.DELETE, one, (caller, req, res) -> {
                    contacts.delete(caller, id(req));
                    Json.noContent(res);
                }),
                Endpoint.authenticated(Method.GET, one + "/interactions", (caller, req, res) -> {
                    String id = id(req);
                    Json.ok(res, Paging.collection(interactions.ofContact(caller, id, Paging.from(req)), v -> v));
                }));
    }

    private void update(io.callisto.core.auth.Caller caller, ServerRequest req, io.helidon.webserver.http.ServerResponse res) {
        String id = id(req);
        Json.ok(res, contacts.update(caller, id, input(bodies.read(req, ContactBody.class))));
    }

    private static ContactService.ContactInput input(ContactBody b) {
        return new ContactService.ContactInput(b.name(), b.phones(), b.emails(), b.company(), b.fields());
    }

    private static String id(ServerRequest req) {
        return PathIds.of(req, "id", "contact");
    }

    @Override
    public String openApiFragment() {
        return "openapi/admin-contacts.yaml";
    }
}
