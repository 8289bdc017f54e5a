package io.callisto.gateway.sip.sdp;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A line the model keeps but does not interpret: {@code i= u= e= p= b= r= z= k=}, further {@code t=} lines,
 * and lines of unknown type (RFC 8866 5: a parser must ignore those, we keep them for the round trip).
 * A description keeps these in the canonical RFC order, so writing and parsing again gives an equal model.
 */
public record SdpLine(char type, String value) {

    /** Types RFC 8866 allows only at session level. */
    static final String SESSION_ONLY = "vosueptrz";

    public SdpLine {
        Objects.requireNonNull(value, "value");
        if (!(type >= 'a' && type <= 'z' || type >= 'A' && type <= 'Z')) {
            throw new IllegalArgumentException("line type must be a letter, not " + Syntax.quote(String.valueOf(type)));
        }
        Syntax.checkText(value, type + "= line");
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }

    /** Session level: i u e p (before c=), b, t r, z, k, then unknown types; v o s c a m are modelled. */
    static List<SdpLine> sessionOrder(List<SdpLine> lines) {
        return sorted(lines, "iuep", "b", "tr", "z", "k");
    }

    /** Media level: i (before c=), b, k, then unknown types; session-only types are refused. */
    static List<SdpLine> mediaOrder(List<SdpLine> lines) {
        for (SdpLine line : lines) {
            if (SESSION_ONLY.indexOf(line.type) >= 0) {
                throw new IllegalArgumentException(line.type + "= is not allowed in a media section");
            }
        }
        return sorted(lines, "i", "b", "k");
    }

    /** Rank of a type in the canonical order; the last rank is for unknown types. */
    static int rank(char type, String... groups) {
        for (int i = 0; i < groups.length; i++) {
            if (groups[i].indexOf(type) >= 0) {
                return i;
            }
        }
        return groups.length;
    }

    private static List<SdpLine> sorted(List<SdpLine> lines, String... groups) {
        for (SdpLine line : lines) {
            if ("vosmac".indexOf(line.type) >= 0) {
                throw new IllegalArgumentException(line.type + "= is modelled, not an extra line");
            }
        }
        // List.sort is stable: lines of one group keep their relative order (t= before its r= lines)
        return lines.stream().sorted(Comparator.comparingInt(line -> rank(line.type, groups))).toList();
    }
}
