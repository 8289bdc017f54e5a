package io.callisto.core.telephony;

/** A carrier's SIP trunk (the phone network) or a company's own PBX connected like one. */
public enum TrunkKind {
    CARRIER,
    PBX
}
