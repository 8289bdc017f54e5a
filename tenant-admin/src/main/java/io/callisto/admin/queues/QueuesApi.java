package io.callisto.admin.queues;

import io.callisto.core.acd.Channel;
import io.callisto.core.acd.QueueConfig;
import io.callisto.core.error.Errors;
import io.callisto.core.queue.QueueService;
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

/** {@code /api/v1/queues}: admins configure queues; every role reads them; an estimate for a new interaction. */
public final class QueuesApi implements ApiService {
    private final QueueService queues;
    private final JsonBodies bodies;

    public QueuesApi(QueueService queues, JsonBodies bodies) {
        this.queues = queues;
        this.bodies = bodies;
    }

    record QueueBody(String name, String strategy, Map<String, Integer> requiredSkills, Integer priority,
                     Integer maxWaitSeconds, String overflowQueueId, Integer wrapUpSeconds, Integer serviceLevelSeconds,
                     Integer offerTimeoutSeconds, Integer relaxAfterSeconds, Integer relaxStep, Boolean recordCalls) {
    }

    /** A queue as the API shows it. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record QueueView(String id, String name, String strategy, Map<String, Integer> requiredSkills, int priority,
                     int maxWaitSeconds, String overflowQueueId, int wrapUpSeconds, int serviceLevelSeconds,
                     int offerTimeoutSeconds, int relaxAfterSeconds, int relaxStep, boolean recordCalls) {
        static QueueView of(QueueConfig q) {
            return new QueueView(q.id(), q.name(), q.strategy().name(), q.requiredSkills().levels(), q.priority(),
                    q.maxWaitSeconds(), q.overflowQueueId(), q.wrapUpSeconds(), q.serviceLevelSeconds(),
                    q.offerTimeoutSeconds(), q.relaxAfterSeconds(), q.relaxStep(), q.recordCalls());
        }
    }

    /** Where a new interaction would enter and its estimated wait (absent when nobody staffs the queue). */
    record EstimateView(int position, Long estimatedWaitSeconds) {
    }

    @Override
    public List<Endpoint> endpoints() {
        String one = "/api/v1/queues/{id}";
        return List.of(
                Endpoint.authenticated(Method.GET, "/api/v1/queues", (caller, req, res) ->
                        Json.ok(res, Paging.collection(queues.list(caller, Paging.from(req)), QueueView::of))),
                Endpoint.authenticated(Method.POST, "/api/v1/queues", (caller, req, res) -> {
                    QueueConfig created = queues.create(caller, input(bodies.readWithNulls(req, QueueBody.class)));
                    Json.created(res, "/api/v1/queues/" + created.id(), QueueView.of(created));
                }),
                Endpoint.authenticated(Method.GET, one, (caller, req, res) ->
                        Json.ok(res, QueueView.of(queues.get(caller, id(req))))),
                Endpoint.authenticated(Method.PATCH, one, (caller, req, res) -> update(caller, req, res)),
                Endpoint.authenticated(Method.PUT, one, (caller, req, res) -> update(caller, req, res)),
                Endpoint.authenticated(Method.DELETE, one, (caller, req, res) -> {
                    queues.delete(caller, id(req));
                    Json.noContent(res);
                }),
                Endpoint.authenticated(Method.GET, one + "/estimate", (caller, req, res) -> {
                    String id = id(req);
                    var estimate = queues.estimate(caller, id, channel(req), priority(req));
                    Json.ok(res, new EstimateView(estimate.position(), estimate.estimatedWaitSeconds().orElse(null)));
                }));
    }

    private void update(io.callisto.core.auth.Caller caller, ServerRequest req, io.helidon.webserver.http.ServerResponse res) {
        String id = id(req);
        Json.ok(res, QueueView.of(queues.update(caller, id, input(bodies.readWithNulls(req, QueueBody.class)))));
    }

    private static QueueService.QueueInput input(JsonBodies.Parsed<QueueBody> parsed) {
        QueueBody b = parsed.value();
        return new QueueService.QueueInput(b.name(), b.strategy(), b.requiredSkills(), b.priority(), b.maxWaitSeconds(),
                b.overflowQueueId(), parsed.cleared("overflowQueueId"), b.wrapUpSeconds(), b.serviceLevelSeconds(),
                b.offerTimeoutSeconds(), b.relaxAfterSeconds(), b.relaxStep(), b.recordCalls());
    }

    private static Channel channel(ServerRequest req) {
        String text = req.query().first("channel").orElse("VOICE");
        try {
            return Channel.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw Errors.invalid("invalid-channel", "channel must be one of VOICE, CHAT, EMAIL, CALLBACK, TASK");
        }
    }

    private static int priority(ServerRequest req) {
        String text = req.query().first("priority").orElse("0");
        try {
            int p = Integer.parseInt(text);
            if (p >= 0 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw Errors.invalid("invalid-priority", "priority must be an integer from 0 to 100");
    }

    private static String id(ServerRequest req) {
        return PathIds.of(req, "id", "queue");
    }

    @Override
    public String openApiFragment() {
        return "openapi/admin-queues.yaml";
    }
}
