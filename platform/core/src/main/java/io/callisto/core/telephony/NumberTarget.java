package io.callisto.core.telephony;

import java.util.Objects;

/** The entry point of a number's calls: a queue or an IVR flow of the number's tenant, by id. */
public record NumberTarget(TargetType type, String id) {
    public NumberTarget {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static NumberTarget queue(String queueId) {
        return new NumberTarget(TargetType.QUEUE, queueId);
    }

    public static NumberTarget ivr(String ivrFlowId) {
        return new NumberTarget(TargetType.IVR, ivrFlowId);
    }

    /** The queue's id when the target is a queue, else null. */
    public String queueId() {
        return type == TargetType.QUEUE ? id : null;
    }

    /** The IVR flow's id when the target is an IVR flow, else null. */
    public String ivrFlowId() {
        return type == TargetType.IVR ? id : null;
    }
}
