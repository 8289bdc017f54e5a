package io.callisto.gateway.call;

import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.media.audio.PromptPlayer;
import io.callisto.gateway.media.audio.WavPrompt;
import io.callisto.gateway.media.rtp.RtpBridge;
import io.callisto.gateway.media.rtp.Side;
import java.util.function.Function;

/**
 * What a customer hears while nobody talks to them (queued, held, while their agent consults a colleague): the
 * tenant's waiting music in the customer's law, else ringback, looped to side A of the call's relay. Playing what is
 * already playing changes nothing, so that the customer never hears two loops at once.
 */
final class WaitingSound {
    private final RtpBridge bridge;
    private final WavPrompt prompt;
    private PromptPlayer player;

    /** {@code music}: the configured waiting music by law, or null for ringback. */
    WaitingSound(RtpBridge bridge, G711.Law law, Function<G711.Law, WavPrompt> music) {
        this.bridge = bridge;
        this.prompt = music == null ? MediaPlumbing.ringback(law) : music.apply(law);
    }

    void play() {
        if (player == null || !player.isPlaying()) {
            player = PromptPlayer.loop(bridge, Side.A, prompt);
        }
    }

    void stop() {
        if (player != null) {
            player.stop();
        }
    }
}
