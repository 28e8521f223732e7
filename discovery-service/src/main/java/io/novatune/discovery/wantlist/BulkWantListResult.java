package io.novatune.discovery.wantlist;

/** What a bulk request changed. */
public record BulkWantListResult(int added, int updated, int deleted) {
}
