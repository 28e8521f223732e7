package io.novatune.discovery.tracklist;

/** Writes a tracklist as a CUE sheet: a TRACK per entry, INDEX 01 in mm:ss:ff (75 frames a second). */
final class CueSheet {

    private CueSheet() {
    }

    static String of(Tracklist tracklist) {
        StringBuilder cue = new StringBuilder();
        if (tracklist.djName() != null) {
            cue.append("PERFORMER ").append(quoted(tracklist.djName())).append('\n');
        }
        cue.append("TITLE ").append(quoted(tracklist.title())).append('\n');
        cue.append("FILE ").append(quoted(tracklist.title() + ".wav")).append(" WAVE\n");
        long previous = 0;
        int number = 0;
        for (Entry entry : tracklist.entries()) {
            number++;
            long at = entry.cueTimeMs() == null ? previous : Math.max(previous, entry.cueTimeMs());
            previous = at;
            String title = entry.title() == null ? "ID" : entry.title();
            if (entry.remix() != null) {
                title += " (" + entry.remix() + ")";
            }
            cue.append(String.format("  TRACK %02d AUDIO%n", number).replace(System.lineSeparator(), "\n"));
            cue.append("    TITLE ").append(quoted(title)).append('\n');
            cue.append("    PERFORMER ").append(quoted(entry.artist() == null ? "ID" : entry.artist())).append('\n');
            long frames = at % 1000 * 75 / 1000;
            long seconds = at / 1000;
            cue.append(String.format("    INDEX 01 %02d:%02d:%02d", seconds / 60, seconds % 60, frames)).append('\n');
        }
        return cue.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace('"', '\'').replace('\n', ' ').replace('\r', ' ') + "\"";
    }
}
