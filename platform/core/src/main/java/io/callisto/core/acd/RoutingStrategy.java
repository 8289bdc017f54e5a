package io.callisto.core.acd;

/** How a queue picks among the agents eligible for an interaction. */
public enum RoutingStrategy {
    /** The agent idle the longest. */
    LONGEST_IDLE,
    /** The best total proficiency in the required skills, then the longest idle. */
    SKILLS,
    /** The next agent after the one chosen last, in a stable order. */
    ROUND_ROBIN,
    /** The agent who handled the fewest interactions, then the longest idle. */
    FEWEST_CALLS,
    /** Every eligible agent at once; the first to accept wins and the others are released. */
    RING_ALL
}
