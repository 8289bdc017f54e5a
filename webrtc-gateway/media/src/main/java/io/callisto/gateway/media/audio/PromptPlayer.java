package io.callisto.gateway.media.audio;

import io.callisto.gateway.media.rtp.FrameSource;
import io.callisto.gateway.media.rtp.Playback;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import java.nio.ByteBuffer;

/**
 * Plays a {@link WavPrompt} to one leg of a bridge as RTP, 20 ms per packet, once or looping
 * (ringback, music on hold). Pacing runs on the bridge's relay loop, the one scheduler its calls
 * share, not on a thread of its own. {@link RtpBridge#connect()} stops it, and the leg's stream
 * continues without a sequence gap when relayed audio takes over.
 */
public final class PromptPlayer implements FrameSource {

    private final WavPrompt prompt;
    private final boolean looping;
    private int next;
    private volatile Playback playback;

    private PromptPlayer(WavPrompt prompt, boolean looping) {
        this.prompt = prompt;
        this.looping = looping;
    }

    /** Starts playing {@code prompt} to leg {@code to} over and over until stopped. */
    public static PromptPlayer loop(RtpBridge bridge, Side to, WavPrompt prompt) {
        return start(bridge, to, new PromptPlayer(prompt, true));
    }

    /** Starts playing {@code prompt} to leg {@code to} once. */
    public static PromptPlayer once(RtpBridge bridge, Side to, WavPrompt prompt) {
        return start(bridge, to, new PromptPlayer(prompt, false));
    }

    private static PromptPlayer start(RtpBridge bridge, Side to, PromptPlayer player) {
        player.playback = bridge.play(to, player);
        return player;
    }

    public void stop() {
        playback.stop();
    }

    /** False once stopped, finished, replaced by another prompt, or the bridge connected or closed. */
    public boolean isPlaying() {
        return playback.isActive();
    }

    /** RTP packets sent so far. */
    public long packetsSent() {
        return playback.packetsSent();
    }

    @Override
    public int payloadType() {
        return prompt.payloadType();
    }

    @Override
    public int nextFrame(ByteBuffer buf, int offset) {
        if (next >= prompt.frames()) {
            if (!looping) {
                return -1;
            }
            next = 0;
        }
        prompt.copyFrame(next++, buf, offset);
        return WavPrompt.FRAME_SAMPLES;
    }
}
