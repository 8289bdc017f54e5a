package io.callisto.core.interaction;

import io.callisto.core.acd.AcdCommand;
import io.callisto.core.acd.Channel;
import io.callisto.core.acd.ContactRef;
import io.callisto.core.acd.Interaction;
import io.callisto.core.acd.NewInteraction;
import io.callisto.core.acd.QueueEstimates;
import io.callisto.core.acd.Skills;
import io.callisto.core.acd.TenantAcd;
import io.callisto.core.auth.Caller;
import io.callisto.core.crm.ContactService;
import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import io.callisto.core.error.Validator;
import io.callisto.core.ids.Ids;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.routing.LiveAcd;
import io.callisto.core.tx.Transactions;
import io.callisto.core.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Interactions: non-voice tasks created through the API (voice calls come from the gateway through
 * {@link #enqueue}), offered by the ACD, accepted, rejected, completed or transferred by the agent they are
 * offered or connected to. Live ones are read from the ACD, finished ones from the history.
 */
public final class InteractionService {
    static final int MAX_DATA = 50;
    private final Transactions tx;
    private final LiveAcd acd;
    private final InteractionHistory history;
    private final ContactService contacts;

    public InteractionService(Transactions tx, LiveAcd acd, InteractionHistory history, ContactService contacts) {
        this.tx = tx;
        this.acd = acd;
        this.history = history;
        this.contacts = contacts;
    }

    /** A task to distribute, as the API takes it. */
    public record NewTask(String channel, String queueId, Integer priority, Map<String, Integer> requiredSkills,
                          String from, String subject, Map<String, String> data) {
    }

    /** Admins, supervisors and integrations (API keys) create tasks; agents work them. */
    public InteractionView create(Caller caller, NewTask task) {
        // integrations use API keys, which carry the roles they were given like users do
        caller.requireAnyRole(Role.ADMIN, Role.SUPERVISOR);
        Validator v = new Validator();
        Channel channel = null;
        try {
            channel = task.channel() == null ? null : Channel.valueOf(task.channel());
        } catch (IllegalArgumentException e) {
            channel = null;
        }
        v.require(channel != null, "channel", "one of CHAT, EMAIL, CALLBACK, TASK");
        v.require(channel != Channel.VOICE, "channel", "voice calls enter through the gateway (a number or trunk)");
        v.require(task.queueId() != null, "queueId", "is required");
        int priority = task.priority() == null ? 0 : task.priority();
        v.require(priority >= 0 && priority <= 100, "priority", "must be 0 to 100");
        v.require(task.from() == null || task.from().length() <= 256, "from", "at most 256 characters");
        v.require(task.subject() == null || task.subject().length() <= 500, "subject", "at most 500 characters");
        Map<String, String> data = task.data() == null ? Map.of() : task.data();
        v.require(data.size() <= MAX_DATA, "data", "at most " + MAX_DATA + " entries");
        data.forEach((k, val) -> v.require(k != null && !k.isBlank() && k.length() <= 64 && val != null
                && val.length() <= 2000, "data." + k, "keys of 1-64 and values of at most 2000 characters"));
        v.throwIfInvalid();
        TenantId tenant = caller.tenantId();
        if (acd.snapshot(tenant).queue(task.queueId()).isEmpty()) {
            throw Errors.invalid(List.of(new CallistoException.FieldError("queueId", "names no queue of this tenant")));
        }
        ContactRef contact = contacts.match(tenant, task.from()).orElse(null);
        NewInteraction request = new NewInteraction(Ids.next('i'), channel, task.queueId(), priority,
                Skills.of(task.requiredSkills(), "requiredSkills"), task.from(), task.subject(), data, contact);
        return enqueue(tenant, request);
    }

    /** Enters an interaction into the ACD (the gateway's voice calls too) and shows where it stands. */
    public InteractionView enqueue(TenantId tenant, NewInteraction request) {
        acd.requireWorking(tenant);
        List<io.callisto.core.acd.AcdEvent> events = acd.execute(tenant, new AcdCommand.Enqueue(request));
        // A fast agent may have accepted and completed it already, before its record reached the history:
        // then answer with what the enqueue itself did, never with an error for an interaction that exists.
        return live(acd.snapshot(tenant), request.id()).or(() -> history(tenant, request.id()))
                .orElseGet(() -> InteractionView.created(request, events));
    }

    /**
     * Admins and supervisors see everything; an agent sees what is (or was) theirs. The first page holds the
     * live interactions, then the finished ones newest first; the cursor pages the finished ones.
     */
    public Page<InteractionView> list(Caller caller, PageRequest page) {
        TenantId tenant = caller.tenantId();
        boolean all = caller.hasAnyRole(Role.ADMIN, Role.SUPERVISOR);
        String agentFilter = all ? null : caller.principalId();
        List<InteractionView> items = new ArrayList<>();
        if (page.after() == null) {
            TenantAcd state = acd.snapshot(tenant);
            state.interactions().stream()
                    .filter(i -> all || caller.principalId().equals(i.agentId()) || i.offeredTo().contains(caller.principalId()))
                    .sorted(java.util.Comparator.comparing(Interaction::createdAt))
                    .forEach(i -> items.add(InteractionView.live(i, QueueEstimates.forWaiting(state, i.id()).orElse(null))));
        }
        Page<io.callisto.core.acd.InteractionRecord> finished = tx.inTenant(tenant, () -> history.list(tenant,
                new InteractionHistory.HistoryFilter(agentFilter, null, null), page));
        finished.items().forEach(r -> items.add(InteractionView.finished(r)));
        return new Page<>(items, finished.next());
    }

    public InteractionView get(Caller caller, String id) {
        TenantId tenant = caller.tenantId();
        TenantAcd state = acd.snapshot(tenant);
        InteractionView view = live(state, id).or(() -> history(tenant, id))
                .or(() -> awaitingDisposition(state, caller, id))
                .orElseThrow(() -> Errors.notFound("interaction"));
        boolean mine = caller.principalId().equals(view.agentId()) || view.offeredTo().contains(caller.principalId());
        if (!mine && !caller.hasAnyRole(Role.ADMIN, Role.SUPERVISOR)) {
            // an agent learns nothing of others' interactions, not even that they exist
            throw Errors.notFound("interaction");
        }
        return view;
    }

    /** Finished interactions of a CRM contact, newest first; an agent sees only those they handled. */
    public Page<InteractionView> ofContact(Caller caller, String contactId, PageRequest page) {
        contacts.get(caller, contactId);
        boolean all = caller.hasAnyRole(Role.ADMIN, Role.SUPERVISOR);
        String agentFilter = all ? null : caller.principalId();
        return tx.inTenant(caller.tenantId(), () -> history.list(caller.tenantId(),
                new InteractionHistory.HistoryFilter(agentFilter, null, contactId), page)).map(InteractionView::finished);
    }

    public InteractionView accept(Caller caller, String id) {
        return act(caller, id, agent -> new AcdCommand.Accept(id, agent));
    }

    public InteractionView reject(Caller caller, String id) {
        return act(caller, id, agent -> new AcdCommand.Reject(id, agent));
    }

    public InteractionView complete(Caller caller, String id, String disposition, String notes) {
        return act(caller, id, agent -> new AcdCommand.Complete(id, agent, disposition, notes));
    }

    /** To a queue or to an agent of the tenant; a transfer to a phone number is the gateway's (voice only). */
    public InteractionView transfer(Caller caller, String id, String queueId, String agentId, String number) {
        get(caller, id);
        int targets = (queueId == null ? 0 : 1) + (agentId == null ? 0 : 1) + (number == null ? 0 : 1);
        if (targets != 1) {
            throw Errors.invalid("invalid-transfer", "name exactly one of queueId, agentId and number");
        }
        if (number != null) {
            throw Errors.conflict("transfer-to-number-unavailable",
                    "transferring to a phone number needs a voice call on the SIP gateway");
        }
        return act(caller, id, agent -> new AcdCommand.Transfer(id, agent, queueId, agentId));
    }

    private InteractionView act(Caller caller, String id, java.util.function.Function<String, AcdCommand> command) {
        TenantId tenant = caller.tenantId();
        InteractionView before = get(caller, id);
        if (caller.kind() != Caller.Kind.USER) {
            throw Errors.forbidden("agent-required", "only the agent the interaction is offered or connected to may");
        }
        List<io.callisto.core.acd.AcdEvent> events = acd.execute(tenant, command.apply(caller.principalId()));
        // A finished interaction reaches the history a moment later (the report writer): answer from the event.
        Optional<InteractionView> ended = events.stream()
                .map(InteractionService::finishedRecord)
                .flatMap(Optional::stream)
                .filter(r -> r.interactionId().equals(id))
                .map(InteractionView::finished)
                .findFirst();
        // a wrap-up completed without a disposition changes nothing on the record: it stands as it was
        return ended.or(() -> live(acd.snapshot(tenant), id)).or(() -> history(tenant, id)).orElse(before);
    }

    private static Optional<io.callisto.core.acd.InteractionRecord> finishedRecord(io.callisto.core.acd.AcdEvent e) {
        return switch (e) {
            case io.callisto.core.acd.AcdEvent.Ended ended -> Optional.of(ended.record());
            case io.callisto.core.acd.AcdEvent.Dispositioned d -> Optional.of(d.record());
            default -> Optional.empty();
        };
    }

    /**
     * The caller's own just-ended interaction still awaiting its disposition, as the ACD holds it: the history
     * may not have it yet (the report writer stores it a moment after the end).
     */
    private static Optional<InteractionView> awaitingDisposition(TenantAcd state, Caller caller, String id) {
        return state.agent(caller.principalId()).flatMap(a -> a.awaitingDisposition(id)).map(InteractionView::finished);
    }

    private static Optional<InteractionView> live(TenantAcd state, String id) {
        return state.interaction(id).map(i -> InteractionView.live(i, QueueEstimates.forWaiting(state, id).orElse(null)));
    }

    private Optional<InteractionView> history(TenantId tenant, String id) {
        return tx.inTenant(tenant, () -> history.find(tenant, id)).map(InteractionView::finished);
    }
}
