package io.novatune.trackapi.track;

import io.novatune.platform.net.AddressPolicy;
import io.novatune.platform.net.HostPatterns;
import io.novatune.platform.problem.InvalidRequestException.FieldError;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which provider links a track may be added with. A link is attacker-controlled: it is handed to the archiver,
 * which fetches it, and to players as a redirect. So only a well-formed http(s) URI of bounded length with a host,
 * no user info, on the provider's allow-list where one is configured, and never an IP literal of an internal
 * network (loopback, link-local such as the cloud metadata address 169.254.169.254, private, multicast). Names are
 * not resolved here: the archiver checks every address it connects to, after DNS.
 */
@Component
public class ProviderLinkRules {

    /** WHATWG URL: a host whose last label is a number is an IPv4 address, in any of its legacy spellings. */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?:^|.*\\.)(?:[0-9]+|0x[0-9a-f]*)$");
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private final ProviderLinkPolicy.Links policy;
    private final AddressPolicy addresses;

    public ProviderLinkRules(ProviderLinkPolicy policy) {
        this.policy = policy.provider();
        this.addresses = new AddressPolicy(this.policy.allowedCidrs());
    }

    /** Every problem of the links, each naming its field ({@code provider.audioUrl}, …); empty when they are fine. */
    public List<FieldError> check(ProviderLinks links, Instant now, Duration maxLifetime) {
        List<FieldError> errors = new ArrayList<>();
        checkLink("provider.audioUrl", links.name(), links.audioUrl(), errors);
        checkLink("provider.coverUrl", links.name(), links.coverUrl(), errors);
        checkLink("provider.videoUrl", links.name(), links.videoUrl(), errors);
        Instant expiresAt = links.expiresAt();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("provider.expiresAt", "must be in the future: the links have already expired"));
        } else if (expiresAt != null && expiresAt.isAfter(now.plus(maxLifetime))) {
            // Providers keep links for days, not years; and a year like +300000 does not fit in PostgreSQL.
            errors.add(new FieldError("provider.expiresAt", "must be at most " + maxLifetime.toDays() + " days ahead"));
        }
        return errors;
    }

    private void checkLink(String field, String providerName, String link, List<FieldError> errors) {
        if (link == null) {
            return;
        }
        String problem = problemOf(providerName, link);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }

    /** Why the link is refused, or null. Never echoes the link: a signed one's query string is a credential. */
    String problemOf(String providerName, String link) {
        if (link.length() > policy.maxLength()) {
            return "must be at most " + policy.maxLength() + " characters";
        }
        if (link.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return "must not contain spaces or control characters (percent-encode them)";
        }
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            return "must be a valid URI";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must be an http or https URL";
        }
        if (uri.isOpaque() || uri.getRawUserInfo() != null) {
            return uri.isOpaque() ? "must be an absolute http or https URL" : "must not contain user info";
        }
        String host = HostPatterns.host(uri);
        if (host == null || host.isEmpty()) {
            return "must name a host";
        }
        List<String> allowed = policy.hostsOf(providerName);
        if (allowed != null && !HostPatterns.allowed(allowed, host)) {
            return "host " + host + " is not on the allow-list of provider " + providerName;
        }
        return internalAddress(host);
    }

    /** An IP-literal host of an internal network is refused; a name is left to the archiver's check after DNS. */
    private String internalAddress(String host) {
        InetAddress literal;
        try {
            if (host.contains(":")) {
                literal = InetAddress.getByName("[" + host + "]");
            } else if (CANONICAL_IPV4.matcher(host).matches()) {
                literal = InetAddress.getByName(host);
            } else if (NUMERIC_LAST_LABEL.matcher(host).matches()) {
                // 2130706433, 0x7f.1, 127.1 … all reach 127.0.0.1 in some client: only the dotted-decimal form is taken.
                return "host must be a name or a dotted-decimal IPv4 address";
            } else {
                return null;
            }
        } catch (UnknownHostException e) {
            return "host is not a valid IP address";
        }
        String refusal = addresses.refusal(literal);
        return refusal == null ? null : "host is an internal address (" + refusal + ")";
    }
}
