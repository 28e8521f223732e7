package io.novatune.discovery.identification;

import java.util.Map;

/** A candidate's distance from the entry (0 = identical, 1 = nothing alike), its band, and each component's distance. */
public record MatchScore(double distance, Confidence confidence, Map<String, Double> components) {

    public MatchScore {
        components = Map.copyOf(components);
    }
}
