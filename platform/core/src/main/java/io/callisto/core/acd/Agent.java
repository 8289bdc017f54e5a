package io.callisto.core.acd;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An agent's live routing state within their tenant: presence, the interactions assigned to them (offered,
 * ringing or connected, each with its channel), wrap-up, and what strategies rank by. Mutated only by
 * {@link AcdEngine}.
 */
public final class Agent {
    private AgentProfile profile;
    private AgentState presence = AgentState.OFFLINE;
    private String awayReason;
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();
    private Instant wrapUpUntil;
    private Instant stateSince;
    private Instant idleSince;
    private long handled;
    /** The agent's last finished interaction while it still has no disposition (a call the caller hung up). */
    private InteractionRecord awaitingDisposition;

    /** One interaction on this agent's desk. */
    record Assignment(String interactionId, Channel channel, Stage stage) {
    }

    /** How far an assignment has got. */
    enum Stage { OFFERED, RINGING, CONNECTED }

    Agent(AgentProfile profile, Instant now) {
        this.profile = Objects.requireNonNull(profile);
        this.stateSince = now;
        this.idleSince = now;
    }

    public String id() {
        return profile.agentId();
    }

    public AgentProfile profile() {
        return profile;
    }

    void profile(AgentProfile newProfile) {
        this.profile = newProfile;
    }

    /** The state supervisors see: work in progress outranks presence. */
    public AgentState state() {
        if (presence == AgentState.OFFLINE) {
            return AgentState.OFFLINE;
        }
        boolean ringing = false;
        boolean offered = false;
        for (Assignment a : assignments.values()) {
            if (a.stage() == Stage.CONNECTED) {
                return AgentState.BUSY;
            }
            ringing |= a.stage() == Stage.RINGING;
            offered |= a.stage() == Stage.OFFERED;
        }
        if (ringing) {
            return AgentState.RINGING;
        }
        if (offered) {
            return AgentState.RESERVED;
        }
        return wrapUpUntil != null ? AgentState.WRAP_UP : presence;
    }

    public AgentState presence() {
        return presence;
    }

    public String awayReason() {
        return awayReason;
    }

    public Instant stateSince() {
        return stateSince;
    }

    public Instant idleSince() {
        return idleSince;
    }

    public long handled() {
        return handled;
    }

    public Instant wrapUpUntil() {
        return wrapUpUntil;
    }

    /** The interactions on the agent's desk now: offered, ringing or connected. */
    public java.util.List<String> interactionIds() {
        return java.util.List.copyOf(assignments.keySet());
    }

    public boolean isLoggedIn() {
        return presence != AgentState.OFFLINE;
    }

    /** Whether routing may give the agent one more interaction of this channel now: available, and room for it. */
    boolean canTake(Channel channel) {
        if (presence != AgentState.AVAILABLE || wrapUpUntil != null) {
            return false;
        }
        return hasRoomFor(channel);
    }

    /**
     * Whether one more interaction of this channel fits the agent's capacity (one voice call at most): everything on
     * their desk counts, offered and ringing as well as connected. Presence and wrap-up aside, which
     * {@link #canTake} adds for routing; a handover ({@link Lifecycle#handover}) asks only this.
     */
    boolean hasRoomFor(Channel channel) {
        long onChannel = assignments.values().stream().filter(a -> a.channel() == channel).count();
        return onChannel < profile.capacity(channel);
    }

    boolean hasWork() {
        return !assignments.isEmpty();
    }

    Map<String, Assignment> assignments() {
        return assignments;
    }

    void presence(AgentState newPresence, String reason, Instant now) {
        if (newPresence == AgentState.AVAILABLE && presence != AgentState.AVAILABLE) {
            idleSince = now;
        }
        presence = newPresence;
        awayReason = newPresence == AgentState.AWAY ? reason : null;
    }

    void assign(String interactionId, Channel channel, Stage stage) {
        assignments.put(interactionId, new Assignment(interactionId, channel, stage));
    }

    Assignment assignment(String interactionId) {
        return assignments.get(interactionId);
    }

    void release(String interactionId) {
        assignments.remove(interactionId);
    }

    void completed(Instant wrapUpEnd, Instant now) {
        handled++;
        if (wrapUpEnd != null && wrapUpEnd.isAfter(now)) {
            wrapUpUntil = wrapUpEnd;
        } else if (!hasWork()) {
            idleSince = now;
        }
    }

    /** The agent let go of work that was no call they handled (a call they placed that nobody answered). */
    void freed(Instant now) {
        if (!hasWork() && wrapUpUntil == null) {
            idleSince = now;
        }
    }

    /** What the agent ended last, until they record its disposition or end another one. */
    void lastEnded(InteractionRecord record) {
        awaitingDisposition = record.disposition() == null && record.notes() == null ? record : null;
    }

    /** The agent's just-ended interaction with this id that still has no disposition. */
    public java.util.Optional<InteractionRecord> awaitingDisposition(String interactionId) {
        return awaitingDisposition != null && awaitingDisposition.interactionId().equals(interactionId)
                ? java.util.Optional.of(awaitingDisposition) : java.util.Optional.empty();
    }

    void dispositionRecorded() {
        awaitingDisposition = null;
    }

    /** Whether the agent's wrap-up time is running. */
    boolean inWrapUp() {
        return wrapUpUntil != null;
    }

    void endWrapUp(Instant now) {
        wrapUpUntil = null;
        if (!hasWork()) {
            idleSince = now;
        }
    }

    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        TenantAcdCodec.profile(out, profile);
        Wire.enumValue(out, presence);
        Wire.string(out, awayReason);
        out.writeInt(assignments.size());
        for (Assignment a : assignments.values()) {
            out.writeUTF(a.interactionId());
            Wire.enumValue(out, a.channel());
            Wire.enumValue(out, a.stage());
        }
        Wire.instant(out, wrapUpUntil);
        Wire.instant(out, stateSince);
        Wire.instant(out, idleSince);
        out.writeLong(handled);
        out.writeBoolean(awaitingDisposition != null);
        if (awaitingDisposition != null) {
            EventBatchCodec.record(out, awaitingDisposition);
        }
    }

    /** Reads the layout of {@code version} (the state's leading byte): version 4 added the awaited disposition. */
    static Agent readFrom(java.io.DataInput in, int version) throws java.io.IOException {
        Agent agent = new Agent(TenantAcdCodec.profile(in), null);
        agent.presence = Wire.enumValue(in, AgentState.class);
        agent.awayReason = Wire.string(in);
        for (int n = in.readInt(), i = 0; i < n; i++) {
            Assignment a = new Assignment(in.readUTF(), Wire.enumValue(in, Channel.class), Wire.enumValue(in, Stage.class));
            agent.assignments.put(a.interactionId(), a);
        }
        agent.wrapUpUntil = Wire.instant(in);
        agent.stateSince = Wire.instant(in);
        agent.idleSince = Wire.instant(in);
        agent.handled = in.readLong();
        if (version >= 4 && in.readBoolean()) {
            agent.awaitingDisposition = EventBatchCodec.record(in);
        }
        return agent;
    }

    void stateSince(Instant at) {
        stateSince = at;
    }
}
