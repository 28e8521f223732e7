package io.novatune.discovery.statistics;

import java.time.Duration;

/** The windows statistics cover, ending now: the last 24 hours, 7 days, 30 days, or everything. */
public enum Period {
    daily("daily", Duration.ofDays(1)),
    weekly("weekly", Duration.ofDays(7)),
    monthly("monthly", Duration.ofDays(30)),
    allTime("all-time", null);

    private final String text;
    private final Duration length;

    Period(String text, Duration length) {
        this.text = text;
        this.length = length;
    }

    public String text() {
        return text;
    }

    /** Null for all-time. */
    Duration length() {
        return length;
    }

    static Period of(String text) {
        for (Period period : values()) {
            if (period.text.equals(text)) {
                return period;
            }
        }
        return null;
    }
}
