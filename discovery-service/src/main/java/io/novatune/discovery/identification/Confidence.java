package io.novatune.discovery.identification;

/** How sure a match is: strong at a distance ≤ 0.04, medium ≤ 0.25, otherwise provisional (for manual review). */
public enum Confidence {
    STRONG, MEDIUM, PROVISIONAL;

    static final double STRONG_MAX = 0.04;
    static final double MEDIUM_MAX = 0.25;

    static Confidence of(double distance) {
        if (distance <= STRONG_MAX) {
            return STRONG;
        }
        return distance <= MEDIUM_MAX ? MEDIUM : PROVISIONAL;
    }
}
