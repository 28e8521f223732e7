package io.novatune.archiver.provider;

import io.novatune.platform.net.Cidr;
import io.novatune.platform.net.HostPatterns;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How provider links are fetched ({@code novatune.archiver.provider.*}).
 *
 * @param hosts           per provider name (as in {@code ArchiveDue.providerName}, case-insensitive), the hosts
 *                        its links may point to: {@code cdn.example.com}, or {@code *.example.com} for any
 *                        subdomain. A provider without an entry has every link refused.
 * @param allowPlainHttp  {@code http} besides {@code https}; only the local stack and tests turn it on
 * @param allowedNetworks networks (CIDR) that may be connected to although loopback, private, link-local,
 *                        unique-local or multicast; empty in production
 * @param connectTimeout  longest TCP (and TLS) connection set-up
 * @param readTimeout     longest wait for any bytes of the response; a stalled provider fails retryably
 * @param maxRedirects    redirects followed per link, each checked like the link itself
 */
@ConfigurationProperties("novatune.archiver.provider")
public record ProviderProperties(
        @DefaultValue Map<String, List<String>> hosts,
        @DefaultValue("false") boolean allowPlainHttp,
        @DefaultValue List<String> allowedNetworks,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("3") int maxRedirects) {

    public ProviderProperties {
        hosts = HostPatterns.byProvider(hosts);
        allowedNetworks = List.copyOf(allowedNetworks);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("novatune.archiver.provider.max-redirects must not be negative");
        }
    }

    public List<Cidr> allowedCidrs() {
        return allowedNetworks.stream().map(Cidr::parse).toList();
    }
}
