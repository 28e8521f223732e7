package io.novatune.trackapi.quota;

/** How many bytes of our storage a user's tracks take, out of how many they may. */
public record Quota(String userId, long usedBytes, long limitBytes) {

    public long availableBytes() {
        return Math.max(0, limitBytes - usedBytes);
    }
}
