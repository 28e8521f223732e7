package io.novatune.trackapi.track;

import io.novatune.platform.net.Cidr;
import io.novatune.platform.net.HostPatterns;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What provider links track-api takes, and how long they live ({@code novatune.archive.*}; the archive timer's own
 * settings are {@code ArchivePolicy}, under the same prefix).
 *
 * @param defaultLinkLifetime how long a provider's links live when the provider gave no expiry
 * @param provider            which links are accepted at all
 */
@ConfigurationProperties("novatune.archive")
public record ProviderLinkPolicy(
        @DefaultValue("15d") Duration defaultLinkLifetime,
        @DefaultValue Links provider) {

    /**
     * The same shape as the archiver's {@code novatune.archiver.provider.*}, so one list can be given to both.
     *
     * @param hosts           per provider name (case-insensitive), the hosts its links may point to:
     *                        {@code cdn.example.com}, or {@code *.example.com} for any subdomain. A provider without
     *                        an entry may link to any public host (the archiver, which refuses those, has the last
     *                        word); one with an entry only to those.
     * @param allowedNetworks networks (CIDR) an IP-literal host may lie in although loopback, private, link-local,
     *                        unique-local or multicast; empty in production
     * @param maxLength       the longest link taken, in characters
     */
    public record Links(
            @DefaultValue Map<String, List<String>> hosts,
            @DefaultValue List<String> allowedNetworks,
            @DefaultValue("2048") int maxLength) {

        public Links {
            hosts = HostPatterns.byProvider(hosts);
            allowedNetworks = List.copyOf(allowedNetworks);
            if (maxLength < 1) {
                throw new IllegalArgumentException("novatune.archive.provider.max-length must be positive");
            }
        }

        public List<Cidr> allowedCidrs() {
            return allowedNetworks.stream().map(Cidr::parse).toList();
        }

        /** The allow-list of a provider, or null when none is configured. */
        public List<String> hostsOf(String providerName) {
            List<String> allowed = hosts.get(providerName.toLowerCase(Locale.ROOT));
            return allowed == null || allowed.isEmpty() ? null : allowed;
        }
    }

    /** When a provider track's links stop working: the provider's word, else the default lifetime from creation. */
    public Instant expiryOf(Track track) {
        Instant expiresAt = track.provider().expiresAt();
        return expiresAt != null ? expiresAt : track.createdAt().plus(defaultLinkLifetime);
    }
}
