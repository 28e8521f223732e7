package io.novatune.discovery.tracklist;

/** Milliseconds as people read them in a tracklist: {@code m:ss} or {@code h:mm:ss}. */
final class CueTimes {

    private CueTimes() {
    }

    static String format(Long millis) {
        if (millis == null) {
            return null;
        }
        long seconds = millis / 1000;
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        return hours > 0
                ? String.format("%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format("%d:%02d", minutes, seconds % 60);
    }
}
