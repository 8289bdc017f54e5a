package io.callisto.core.acd;

import io.callisto.core.ids.TenantId;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The compact binary form of a tenant's routing state. The grid stores and copies the state on every command,
 * so its encoding is the cost of every routing decision: Java's default serialization of the object graph
 * took about 0.4 ms and 8 KB for a 10-agent tenant; this form writes fields in a fixed order with no class
 * descriptors. A version byte leads, so that a later layout can still read this one.
 * Version 3 added a queue's {@code recordCalls} after its other fields; version 2 (without it) is still read, as
 * a queue that does not record, so the state a running grid stored before the upgrade stays readable.
 * Version 4 added, after an agent's other fields, their last ended interaction still awaiting its disposition.
 */
final class TenantAcdCodec {
    static final int VERSION = 4;
    /** The oldest layout still read. */
    static final int OLDEST_READABLE = 2;

    private TenantAcdCodec() {
    }

    static byte[] encode(TenantAcd acd) {
        try {
            Bytes.Buffer bytes = new Bytes.Buffer();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            acd.writeTo(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TenantAcd decode(byte[] bytes, int offset) {
        try {
            DataInputStream in = new DataInputStream(new Bytes.Reader(bytes, offset));
            int version = in.readByte();
            if (version < OLDEST_READABLE || version > VERSION) {
                throw new IllegalStateException("unknown ACD state version " + version);
            }
            return TenantAcd.readFrom(in, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void queue(DataOutput out, QueueConfig q) throws IOException {
        out.writeUTF(q.id());
        out.writeUTF(q.name());
        Wire.enumValue(out, q.strategy());
        Wire.skills(out, q.requiredSkills());
        out.writeInt(q.priority());
        out.writeInt(q.maxWaitSeconds());
        Wire.string(out, q.overflowQueueId());
        out.writeInt(q.wrapUpSeconds());
        out.writeInt(q.serviceLevelSeconds());
        out.writeInt(q.offerTimeoutSeconds());
        out.writeInt(q.relaxAfterSeconds());
        out.writeInt(q.relaxStep());
        out.writeBoolean(q.recordCalls());
    }

    /** A queue in the layout of {@code version} (the state's leading byte). */
    static QueueConfig queue(DataInput in, int version) throws IOException {
        return new QueueConfig(in.readUTF(), in.readUTF(), Wire.enumValue(in, RoutingStrategy.class), Wire.skills(in),
                in.readInt(), in.readInt(), Wire.string(in), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), version >= 3 && in.readBoolean());
    }

    static void profile(DataOutput out, AgentProfile p) throws IOException {
        out.writeUTF(p.agentId());
        Wire.skills(out, p.skills());
        // an immutable set iterates in no fixed order: sorted, the same profile always encodes the same
        Wire.strings(out, new java.util.TreeSet<>(p.queueIds()));
        out.writeByte(p.maxConcurrent().size());
        for (Map.Entry<Channel, Integer> e : new EnumMap<>(p.maxConcurrent()).entrySet()) {
            Wire.enumValue(out, e.getKey());
            out.writeInt(e.getValue());
        }
    }

    static AgentProfile profile(DataInput in) throws IOException {
        String id = in.readUTF();
        Skills skills = Wire.skills(in);
        java.util.Set<String> queues = Wire.strings(in);
        int channels = in.readByte();
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        for (int i = 0; i < channels; i++) {
            capacity.put(Wire.enumValue(in, Channel.class), in.readInt());
        }
        return new AgentProfile(id, skills, queues, capacity);
    }

    static void contact(DataOutput out, ContactRef contact) throws IOException {
        out.writeBoolean(contact != null);
        if (contact != null) {
            out.writeUTF(contact.id());
            Wire.string(out, contact.name());
            Wire.string(out, contact.company());
        }
    }

    static ContactRef contact(DataInput in) throws IOException {
        return in.readBoolean() ? new ContactRef(in.readUTF(), Wire.string(in), Wire.string(in)) : null;
    }

    static TenantId tenant(DataInput in) throws IOException {
        return new TenantId(in.readUTF());
    }
}
