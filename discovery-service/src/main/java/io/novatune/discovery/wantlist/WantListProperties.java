package io.novatune.discovery.wantlist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxEntries entries one user's want-list may hold; the request that would exceed it writes nothing (409) */
@ConfigurationProperties("novatune.discovery.want-list")
public record WantListProperties(@DefaultValue("10000") int maxEntries) {
}
