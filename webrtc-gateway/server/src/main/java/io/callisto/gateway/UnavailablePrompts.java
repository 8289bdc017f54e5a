package io.callisto.gateway;

import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.media.audio.WavPrompt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** A configured prompt (the unavailable message, waiting music) in both G.711 laws, loaded at start so that a bad file
 * stops the start, not a call. */
final class UnavailablePrompts {
    private UnavailablePrompts() {
    }

    static Map<G711.Law, WavPrompt> load(Path file) {
        Map<G711.Law, WavPrompt> prompts = new EnumMap<>(G711.Law.class);
        for (G711.Law law : G711.Law.values()) {
            try {
                prompts.put(law, WavPrompt.load(file, law));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("the prompt " + file + " cannot be used: " + e.getMessage(), e);
            }
        }
        return prompts;
    }
}
