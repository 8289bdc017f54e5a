package io.callisto.gateway.media.audio;

/**
 * ITU-T G.711 companding: mu-law (PCMU, RTP payload type 0) and A-law (PCMA, type 8), following
 * the reference algorithm (Sun's g711.c). Decoding is a table lookup; encoding is only used off the
 * relay's hot path (prompts), so it is computed.
 */
public final class G711 {

    /** The two G.711 laws, with their static RTP payload types and WAV format tags. */
    public enum Law {
        MU_LAW(0, 7),
        A_LAW(8, 6);

        private final int payloadType;
        private final int wavFormat;

        Law(int payloadType, int wavFormat) {
            this.payloadType = payloadType;
            this.wavFormat = wavFormat;
        }

        /** RTP static payload type: 0 PCMU, 8 PCMA. */
        public int payloadType() {
            return payloadType;
        }

        /** WAVE_FORMAT tag: 7 mu-law, 6 A-law. */
        public int wavFormat() {
            return wavFormat;
        }

        public short decode(byte code) {
            return this == MU_LAW ? G711.ulawToLinear(code) : G711.alawToLinear(code);
        }

        public byte encode(int sample) {
            return this == MU_LAW ? G711.linearToUlaw(sample) : G711.linearToAlaw(sample);
        }

        /** The law of a static payload type (0 or 8), or null for any other type. */
        public static Law ofPayloadType(int payloadType) {
            return payloadType == 0 ? MU_LAW : payloadType == 8 ? A_LAW : null;
        }
    }

    private static final int BIAS = 0x84;
    private static final int ULAW_CLIP = 8159;
    private static final short[] ULAW_END = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
    private static final short[] ALAW_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    private static final short[] ULAW_TABLE = new short[256];
    private static final short[] ALAW_TABLE = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TABLE[code] = computeUlaw(code);
            ALAW_TABLE[code] = computeAlaw(code);
        }
    }

    private G711() {
    }

    public static short ulawToLinear(byte code) {
        return ULAW_TABLE[code & 0xFF];
    }

    public static short alawToLinear(byte code) {
        return ALAW_TABLE[code & 0xFF];
    }

    /** Encodes a 16-bit linear sample (clipped) to mu-law. */
    public static byte linearToUlaw(int sample) {
        int pcm = clip16(sample) >> 2;
        int mask;
        if (pcm < 0) {
            pcm = -pcm;
            mask = 0x7F;
        } else {
            mask = 0xFF;
        }
        pcm = Math.min(pcm, ULAW_CLIP) + (BIAS >> 2);
        int segment = segment(pcm, ULAW_END);
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        return (byte) (((segment << 4) | ((pcm >> (segment + 1)) & 0x0F)) ^ mask);
    }

    /** Encodes a 16-bit linear sample (clipped) to A-law. */
    public static byte linearToAlaw(int sample) {
        int pcm = clip16(sample) >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int segment = segment(pcm, ALAW_END);
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int code = segment << 4;
        code |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        return (byte) (code ^ mask);
    }

    private static short computeUlaw(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
    }

    private static short computeAlaw(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        switch (segment) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> t = (t + 0x108) << (segment - 1);
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    private static int segment(int value, short[] ends) {
        for (int i = 0; i < ends.length; i++) {
            if (value <= ends[i]) {
                return i;
            }
        }
        return ends.length;
    }

    private static int clip16(int sample) {
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    }
}
