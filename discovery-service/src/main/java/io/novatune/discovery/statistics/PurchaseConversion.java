package io.novatune.discovery.statistics;

/** Entries ever put on the want-list and still there, how many of them are purchased, and the ratio (null without entries). */
public record PurchaseConversion(long entries, long purchased, Double rate) {
}
