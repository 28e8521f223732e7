package io.novatune.platform.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Which addresses a provider link may lead to: public unicast only, unless a network is allow-listed (the local
 * stack's and the tests' provider stand-in on loopback). The archiver checks every address it connects to;
 * track-api checks the IP literals of the links it accepts. A provider URL is attacker-controlled input: without
 * this, a link to {@code 169.254.169.254} or a cluster-internal name would make us fetch cloud credentials or
 * internal services and store the answer where the user can play it back.
 */
public final class AddressPolicy {

    private static final List<Cidr> ALSO_INTERNAL = List.of(
            Cidr.parse("0.0.0.0/8"),        // "this network"
            Cidr.parse("100.64.0.0/10"),    // carrier-grade NAT, often cluster-internal
            Cidr.parse("192.0.0.0/24"),     // IETF protocol assignments
            Cidr.parse("198.18.0.0/15"),    // benchmarking
            Cidr.parse("240.0.0.0/4"),      // reserved, and the broadcast address
            Cidr.parse("fc00::/7"),         // unique-local
            Cidr.parse("64:ff9b::/96"));    // NAT64: would reach IPv4 addresses through a translator

    private final List<Cidr> allowed;

    public AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Why {@code address} is refused, or {@code null} when it may be connected to. */
    public String refusal(InetAddress address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (ALSO_INTERNAL.stream().anyMatch(network -> network.contains(address))) {
            return address instanceof Inet6Address ? "unique-local or translated" : "reserved";
        }
        if (address instanceof Inet6Address v6) {
            InetAddress v4 = embeddedIpv4(v6);
            if (v4 != null) {
                return refusal(v4);
            }
        }
        return null;
    }

    // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible) reach the IPv4 address; Java only turns the
    // mapped form into an Inet4Address when parsing a literal, not for every resolver answer.
    private static InetAddress embeddedIpv4(Inet6Address address) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return null;
            }
        }
        boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0;
        if (!mapped && !compatible) {
            return null;
        }
        try {
            return Inet4Address.getByAddress(new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (java.net.UnknownHostException impossible) {
            return null;
        }
    }
}
