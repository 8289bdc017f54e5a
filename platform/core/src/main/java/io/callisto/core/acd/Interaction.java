package io.callisto.core.acd;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A call, chat, email, callback or task being distributed. {@code sequence} fixes its place among
 * interactions of equal priority; it never changes, so an interaction returned to the queue (rejected,
 * missed) regains its original position.
 */
public final class Interaction {
    private final String id;
    private final Channel channel;
    private final int priority;
    private final Skills requiredSkills;
    private final String from;
    private final String subject;
    private final Map<String, String> data;
    private final ContactRef contact;
    private final long sequence;
    private Instant createdAt;
    private String queueId;
    private Instant enqueuedAt;
    private InteractionState state = InteractionState.WAITING;
    private final Set<String> offeredTo = new LinkedHashSet<>();
    private final Set<String> declinedBy = new LinkedHashSet<>();
    private Instant offerExpiresAt;
    private String agentId;
    private Instant connectedAt;
    private String targetAgentId;
    private int transfers;

    Interaction(NewInteraction request, long sequence, Instant now) {
        this.id = Objects.requireNonNull(request.id());
        this.channel = request.channel();
        this.priority = request.priority();
        this.requiredSkills = request.requiredSkills();
        this.from = request.from();
        this.subject = request.subject();
        this.data = Map.copyOf(request.data());
        this.contact = request.contact();
        this.sequence = sequence;
        this.createdAt = now;
        this.queueId = request.queueId();
        this.enqueuedAt = now;
    }

    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeUTF(id);
        Wire.enumValue(out, channel);
        out.writeUTF(queueId);
        out.writeInt(priority);
        Wire.skills(out, requiredSkills);
        Wire.string(out, from);
        Wire.string(out, subject);
        Wire.stringMap(out, data);
        TenantAcdCodec.contact(out, contact);
        out.writeLong(sequence);
        Wire.instant(out, createdAt);
        Wire.instant(out, enqueuedAt);
        Wire.enumValue(out, state);
        Wire.strings(out, offeredTo);
        Wire.strings(out, declinedBy);
        Wire.instant(out, offerExpiresAt);
        Wire.string(out, agentId);
        Wire.instant(out, connectedAt);
        Wire.string(out, targetAgentId);
        out.writeInt(transfers);
    }

    static Interaction readFrom(java.io.DataInput in) throws java.io.IOException {
        NewInteraction request = new NewInteraction(in.readUTF(), Wire.enumValue(in, Channel.class), in.readUTF(),
                in.readInt(), Wire.skills(in), Wire.string(in), Wire.string(in), Wire.stringMap(in),
                TenantAcdCodec.contact(in));
        long sequence = in.readLong();
        Interaction i = new Interaction(request, sequence, Wire.instant(in));
        i.enqueuedAt = Wire.instant(in);
        i.state = Wire.enumValue(in, InteractionState.class);
        i.offeredTo.addAll(Wire.strings(in));
        i.declinedBy.addAll(Wire.strings(in));
        i.offerExpiresAt = Wire.instant(in);
        i.agentId = Wire.string(in);
        i.connectedAt = Wire.instant(in);
        i.targetAgentId = Wire.string(in);
        i.transfers = in.readInt();
        return i;
    }

    public String id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public int priority() {
        return priority;
    }

    public Skills requiredSkills() {
        return requiredSkills;
    }

    public String from() {
        return from;
    }

    public String subject() {
        return subject;
    }

    public Map<String, String> data() {
        return data;
    }

    public ContactRef contact() {
        return contact;
    }

    /** Set by a transfer to a named agent: only that agent is offered it until they decline or miss it. */
    public String targetAgentId() {
        return targetAgentId;
    }

    public int transfers() {
        return transfers;
    }

    public InteractionSummary summary() {
        return new InteractionSummary(id, channel, queueId, priority, from, subject, data, contact, createdAt);
    }

    public long sequence() {
        return sequence;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String queueId() {
        return queueId;
    }

    public Instant enqueuedAt() {
        return enqueuedAt;
    }

    public InteractionState state() {
        return state;
    }

    /** The agents it is offered to right now: one, or several for RING_ALL. */
    public Set<String> offeredTo() {
        return Set.copyOf(offeredTo);
    }

    public Instant offerExpiresAt() {
        return offerExpiresAt;
    }

    public String agentId() {
        return agentId;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    boolean declinedBy(String agent) {
        return declinedBy.contains(agent);
    }

    void offer(Set<String> agents, Instant expiresAt) {
        state = InteractionState.ROUTED;
        offeredTo.clear();
        offeredTo.addAll(agents);
        offerExpiresAt = expiresAt;
    }

    /** Back to waiting at its original position (sequence unchanged). */
    void requeue() {
        state = InteractionState.WAITING;
        offeredTo.clear();
        offerExpiresAt = null;
    }

    void markDeclinedBy(String agent) {
        declinedBy.add(agent);
    }

    void withdrawOfferFrom(String agent) {
        offeredTo.remove(agent);
    }

    void connect(String agent, Instant now) {
        state = InteractionState.CONNECTED;
        agentId = agent;
        offeredTo.clear();
        offerExpiresAt = null;
        connectedAt = now;
    }

    /**
     * The customer answered the call its agent placed: the conversation, and with it the interaction's time, starts
     * now (the dialling before it is the call's record's, not the interaction's).
     */
    void customerAnswered(Instant now) {
        createdAt = now;
        connectedAt = now;
    }

    /** Back to waiting after a transfer: in the target queue, or for the target agent in the same queue. */
    void transferTo(String queue, String agent, Instant now) {
        state = InteractionState.WAITING;
        agentId = null;
        connectedAt = null;
        queueId = queue;
        enqueuedAt = now;
        targetAgentId = agent;
        declinedBy.clear();
        transfers++;
    }

    /**
     * Handed on while connected (an attended transfer): the new agent holds it as it is, still connected since the
     * first answer, in the same queue; it counts as a transfer.
     */
    void handOverTo(String agent) {
        agentId = agent;
        transfers++;
    }

    void clearTarget() {
        targetAgentId = null;
    }

    void overflowTo(String queue, Instant now) {
        queueId = queue;
        enqueuedAt = now;
        declinedBy.clear();
    }

    void end(InteractionState finalState) {
        state = finalState;
        offeredTo.clear();
        offerExpiresAt = null;
    }
}
