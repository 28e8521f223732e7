package io.novatune.discovery.statistics;

import java.time.LocalDate;

/** Discoveries in the ISO week starting on {@code weekStart} (a Monday, UTC). */
public record WeeklyRate(LocalDate weekStart, long discoveries) {
}
