package io.callisto.gateway;

import io.callisto.gateway.media.audio.G711;
import io.callisto.gateway.media.audio.WavPrompt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The unavailable message in both G.711 laws, loaded at start so a bad file stops the start, not a call. */
final class UnavailablePrompts {
    private UnavailablePrompts() {
    }

    static Map<G711.Law, WavPrompt> load(Path file) {
        Map<G711.Law, WavPrompt> prompts = new EnumMap<>(G711.Law.class);
        for (G711.Law law : G711.Law.values()) {
            try {
                prompts.put(law, WavPrompt.load(file, law));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("CALLISTO_UNAVAILABLE_PROMPT=" + file + " cannot be used: "
                        + e.getMessage(), e);
            }
        }
        return prompts;
    }
}
