package io.callisto.core.acd;

import io.callisto.core.ids.TenantId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact binary form of an event batch. Every command's batch is written to the grid and delivered to
 * every platform member's event hub, so its encoding is paid several times per routing decision; like the
 * state's ({@link TenantAcdCodec}), it has a version byte and fields in a fixed order.
 */
final class EventBatchCodec {
    static final int VERSION = 1;
    private static final int OFFERED = 1;
    private static final int WITHDRAWN = 2;
    private static final int STATE = 3;
    private static final int QUEUED = 4;
    private static final int CONNECTED = 5;
    private static final int OVERFLOWED = 6;
    private static final int TRANSFERRED = 7;
    private static final int ENDED = 8;
    private static final int DISPOSITIONED = 9;

    private EventBatchCodec() {
    }

    static void write(DataOutput out, EventBatch batch) throws IOException {
        out.writeByte(VERSION);
        out.writeUTF(batch.tenantId().value());
        out.writeLong(batch.sequence());
        out.writeInt(batch.events().size());
        for (AcdEvent event : batch.events()) {
            event(out, event);
        }
    }

    static EventBatch read(DataInput in) throws IOException {
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("unknown event batch version " + version);
        }
        TenantId tenant = new TenantId(in.readUTF());
        long sequence = in.readLong();
        int size = in.readInt();
        List<AcdEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(event(in));
        }
        return new EventBatch(tenant, sequence, events);
    }

    private static void event(DataOutput out, AcdEvent event) throws IOException {
        switch (event) {
            case AcdEvent.Offered e -> {
                out.writeByte(OFFERED);
                strings(out, e.interactionId(), e.agentId(), e.queueId());
                Wire.instant(out, e.expiresAt());
                summary(out, e.interaction());
            }
            case AcdEvent.OfferWithdrawn e -> {
                out.writeByte(WITHDRAWN);
                strings(out, e.interactionId(), e.agentId(), e.reason());
            }
            case AcdEvent.AgentStateChanged e -> {
                out.writeByte(STATE);
                strings(out, e.agentId());
                Wire.enumValue(out, e.from());
                Wire.enumValue(out, e.to());
                strings(out, e.reason());
            }
            case AcdEvent.Queued e -> {
                out.writeByte(QUEUED);
                strings(out, e.interactionId(), e.queueId());
            }
            case AcdEvent.Connected e -> {
                out.writeByte(CONNECTED);
                strings(out, e.interactionId(), e.agentId(), e.queueId());
                out.writeLong(e.waitedMillis());
            }
            case AcdEvent.Overflowed e -> {
                out.writeByte(OVERFLOWED);
                strings(out, e.interactionId(), e.fromQueueId(), e.toQueueId());
            }
            case AcdEvent.Transferred e -> {
                out.writeByte(TRANSFERRED);
                strings(out, e.interactionId(), e.fromAgentId(), e.toQueueId(), e.toAgentId());
            }
            case AcdEvent.Ended e -> {
                out.writeByte(ENDED);
                record(out, e.record());
            }
            case AcdEvent.Dispositioned e -> {
                out.writeByte(DISPOSITIONED);
                record(out, e.record());
            }
        }
        Wire.instant(out, event.at());
    }

    private static AcdEvent event(DataInput in) throws IOException {
        int type = in.readByte();
        return switch (type) {
            case OFFERED -> {
                String interaction = Wire.string(in);
                String agent = Wire.string(in);
                String queue = Wire.string(in);
                java.time.Instant expires = Wire.instant(in);
                InteractionSummary summary = summary(in);
                yield new AcdEvent.Offered(interaction, agent, queue, expires, Wire.instant(in), summary);
            }
            case WITHDRAWN -> new AcdEvent.OfferWithdrawn(Wire.string(in), Wire.string(in), Wire.string(in),
                    Wire.instant(in));
            case STATE -> new AcdEvent.AgentStateChanged(Wire.string(in), Wire.enumValue(in, AgentState.class),
                    Wire.enumValue(in, AgentState.class), Wire.string(in), Wire.instant(in));
            case QUEUED -> new AcdEvent.Queued(Wire.string(in), Wire.string(in), Wire.instant(in));
            case CONNECTED -> new AcdEvent.Connected(Wire.string(in), Wire.string(in), Wire.string(in), in.readLong(),
                    Wire.instant(in));
            case OVERFLOWED -> new AcdEvent.Overflowed(Wire.string(in), Wire.string(in), Wire.string(in),
                    Wire.instant(in));
            case TRANSFERRED -> new AcdEvent.Transferred(Wire.string(in), Wire.string(in), Wire.string(in),
                    Wire.string(in), Wire.instant(in));
            case ENDED -> {
                InteractionRecord record = record(in);
                yield new AcdEvent.Ended(record, Wire.instant(in));
            }
            case DISPOSITIONED -> {
                InteractionRecord record = record(in);
                yield new AcdEvent.Dispositioned(record, Wire.instant(in));
            }
            default -> throw new IllegalStateException("unknown event type " + type);
        };
    }

    private static void strings(DataOutput out, String... values) throws IOException {
        for (String value : values) {
            Wire.string(out, value);
        }
    }

    private static void summary(DataOutput out, InteractionSummary s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            strings(out, s.id());
            Wire.enumValue(out, s.channel());
            strings(out, s.queueId());
            out.writeInt(s.priority());
            strings(out, s.from(), s.subject());
            Wire.stringMap(out, s.data());
            TenantAcdCodec.contact(out, s.contact());
            Wire.instant(out, s.createdAt());
        }
    }

    private static InteractionSummary summary(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new InteractionSummary(Wire.string(in), Wire.enumValue(in, Channel.class), Wire.string(in), in.readInt(),
                Wire.string(in), Wire.string(in), java.util.Map.copyOf(Wire.stringMap(in)), TenantAcdCodec.contact(in),
                Wire.instant(in));
    }

    static void record(DataOutput out, InteractionRecord r) throws IOException {
        strings(out, r.interactionId());
        Wire.enumValue(out, r.channel());
        strings(out, r.queueId(), r.agentId());
        Wire.enumValue(out, r.finalState());
        strings(out, r.from(), r.subject());
        out.writeInt(r.priority());
        Wire.instant(out, r.createdAt());
        Wire.instant(out, r.connectedAt());
        Wire.instant(out, r.endedAt());
        strings(out, r.disposition(), r.notes(), r.contactId());
        out.writeInt(r.transfers());
    }

    static InteractionRecord record(DataInput in) throws IOException {
        return new InteractionRecord(Wire.string(in), Wire.enumValue(in, Channel.class), Wire.string(in), Wire.string(in),
                Wire.enumValue(in, InteractionState.class), Wire.string(in), Wire.string(in), in.readInt(),
                Wire.instant(in), Wire.instant(in), Wire.instant(in), Wire.string(in), Wire.string(in), Wire.string(in),
                in.readInt());
    }
}
