package io.novatune.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A network such as {@code 127.0.0.1/32} or {@code fd00::/8}, for the allow-list of otherwise refused addresses. */
public record Cidr(byte[] network, int prefixLength) {

    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        try {
            // Only literals: a host name here would make the allow-list depend on DNS.
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an IP address: " + text);
            }
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int length = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (length < 0 || length > address.length * 8) {
                throw new IllegalArgumentException("prefix length out of range: " + text);
            }
            return new Cidr(address, length);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a network in CIDR notation: " + text, e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
