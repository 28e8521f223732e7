package io.novatune.discovery.wantlist;

/** A spring application event: the user's want-list changed, so its purchase conversion (trends) did. */
public record WantListChanged(String userId) {
}
