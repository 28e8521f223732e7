package io.novatune.discovery.exports;

import java.util.List;

/**
 * One exported row: its cells in the order of the export's columns (strings, numbers or null), and the track as
 * the TXT line names it.
 */
record ExportRow(List<Object> cells, String artist, String title, String version, String label) {
}
