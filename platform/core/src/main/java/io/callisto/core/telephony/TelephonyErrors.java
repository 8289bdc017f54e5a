package io.callisto.core.telephony;

import io.callisto.core.error.CallistoException;
import io.callisto.core.error.Errors;
import java.util.List;

/** The typed failures of trunks and numbers, the same whichever store or check finds them. */
public final class TelephonyErrors {
    private TelephonyErrors() {
    }

    /** A number some tenant has already; deliberately silent about which. */
    public static CallistoException numberTaken() {
        return Errors.conflict("number-taken", "this number is already in use");
    }

    public static CallistoException duplicateTrunkName() {
        return Errors.conflict("duplicate-trunk-name", "a trunk with this name already exists");
    }

    public static CallistoException trunkInUse() {
        return Errors.conflict("trunk-in-use", "a number uses this trunk; give the number another trunk or none first");
    }

    public static CallistoException queueInUse() {
        return Errors.conflict("queue-in-use", "a number sends its calls to this queue; give the number another target first");
    }

    public static CallistoException unknownTrunk() {
        return Errors.invalid(List.of(new CallistoException.FieldError("trunkId", "names no trunk of this tenant")));
    }

    public static CallistoException unknownQueue() {
        return Errors.invalid(List.of(new CallistoException.FieldError("target.queueId", "names no queue of this tenant")));
    }
}
