package io.novatune.platform.net;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hosts of provider links against a provider's allow-list: {@code cdn.example.com} exactly, or {@code *.example.com}
 * for any subdomain of it (not the domain itself); IPv6 literals with or without brackets.
 */
public final class HostPatterns {

    private HostPatterns() {
    }

    /**
     * Allow-lists by provider name as configured, compared as they are used: names and hosts lower-case (environment
     * variables arrive lower-cased), hosts trimmed.
     */
    public static Map<String, List<String>> byProvider(Map<String, List<String>> hosts) {
        return hosts.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT),
                entry -> entry.getValue().stream().map(host -> host.trim().toLowerCase(Locale.ROOT)).toList()));
    }

    /** Whether {@code host} (as {@link #host(URI)} gives it) is on {@code allowed}. */
    public static boolean allowed(Collection<String> allowed, String host) {
        return allowed.stream().anyMatch(entry -> matches(entry, host));
    }

    private static boolean matches(String entry, String host) {
        String bare = entry.startsWith("[") && entry.endsWith("]") ? entry.substring(1, entry.length() - 1) : entry;
        if (bare.startsWith("*.")) {
            return host.endsWith(bare.substring(1)) && host.length() > bare.length() - 1;
        }
        return bare.equals(host);
    }

    /** The host as it is resolved: lower-case, IPv6 literals without brackets, no trailing dot; null if none. */
    public static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        // A trailing dot names the same host and would slip past an exact allow-list entry otherwise.
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
