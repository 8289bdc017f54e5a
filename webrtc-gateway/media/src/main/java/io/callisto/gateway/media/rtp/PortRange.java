package io.callisto.gateway.media.rtp;

/**
 * An inclusive UDP port range for RTP, e.g. {@code 20000-40000} (the {@code CALLISTO_RTP_PORTS}
 * format). RTP takes the even ports, RTCP the odd port above each.
 *
 * @param first lowest port
 * @param last  highest port
 */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1024 || last > 65535 || first > last) {
            throw new IllegalArgumentException("RTP port range must lie in 1024-65535 with first <= last, got "
                    + first + "-" + last);
        }
        if (pairCount(first, last) < 1) {
            throw new IllegalArgumentException("RTP port range " + first + "-" + last
                    + " holds no even port with its odd neighbour");
        }
    }

    /** Parses {@code "20000-40000"}. */
    public static PortRange parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("RTP port range is missing (expected e.g. 20000-40000)");
        }
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("RTP port range must look like 20000-40000, got '" + text + "'");
        }
        try {
            return new PortRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RTP port range must look like 20000-40000, got '" + text + "'", e);
        }
    }

    /** The first even port of the range, where pair 0 starts. */
    int firstEven() {
        return (first & 1) == 0 ? first : first + 1;
    }

    /** How many RTP/RTCP pairs (even port and the odd one above) fit. */
    public int pairs() {
        return pairCount(first, last);
    }

    /** RTP port of pair {@code index}. */
    int rtpPort(int index) {
        return firstEven() + 2 * index;
    }

    private static int pairCount(int first, int last) {
        int even = (first & 1) == 0 ? first : first + 1;
        return even + 1 > last ? 0 : (last - even + 1) / 2;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
