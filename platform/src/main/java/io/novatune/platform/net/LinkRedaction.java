package io.novatune.platform.net;

import java.net.URI;

/** Provider links as they may appear in logs, failure reasons and operators' views. */
public final class LinkRedaction {

    private LinkRedaction() {
    }

    /**
     * Scheme, host, port and path only: the query string (and fragment, and user info) of a signed link is a
     * credential, and it must never reach a log line or an event.
     */
    public static String redacted(URI uri) {
        StringBuilder shown = new StringBuilder();
        if (uri.getScheme() != null) {
            shown.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            shown.append(uri.getHost());
        }
        if (uri.getPort() != -1) {
            shown.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            shown.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            shown.append("?…");
        }
        return shown.toString();
    }

    /** The same for a link that may not even parse. */
    public static String redacted(String link) {
        try {
            return redacted(URI.create(link));
        } catch (IllegalArgumentException unparseable) {
            int query = link.indexOf('?');
            String head = query < 0 ? link : link.substring(0, query) + "?…";
            return head.length() > 200 ? head.substring(0, 200) + "…" : head;
        }
    }
}
