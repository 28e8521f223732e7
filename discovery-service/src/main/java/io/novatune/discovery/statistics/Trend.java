package io.novatune.discovery.statistics;

/**
 * An artist's or genre's discoveries in the last 30 days against the 30 before; {@code growth} is
 * (current − previous) ÷ previous, null when there were none before.
 */
public record Trend(String name, long current, long previous, Double growth) {
}
