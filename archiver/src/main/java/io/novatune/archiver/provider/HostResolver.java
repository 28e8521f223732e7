package io.novatune.archiver.provider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution for provider hosts. Every answer is checked by {@link io.novatune.platform.net.AddressPolicy}
 * and the connection is made to the checked address itself, so a second lookup (DNS rebinding) cannot swap it.
 * Tests replace it to give names private addresses.
 */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
