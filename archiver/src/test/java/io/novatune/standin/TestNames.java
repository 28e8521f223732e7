package io.novatune.standin;

import io.novatune.archiver.provider.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Host names of the tests' own, with the addresses a hostile provider's DNS could answer. Outside the
 * application's package, so that an archiver started from the test classpath (a child JVM) does not scan it.
 */
public final class TestNames {

    /** Resolves to the stand-in (allowed loopback address). */
    public static final String CDN = "cdn.standin.test";
    /** Allow-listed name whose DNS answers a private address. */
    public static final String INTERNAL = "internal.standin.test";
    /** Allow-listed name whose DNS answers the cloud metadata address. */
    public static final String METADATA = "metadata.standin.test";
    /** Allow-listed name whose DNS answers a unique-local IPv6 address. */
    public static final String UNIQUE_LOCAL = "ula.standin.test";
    /** Allow-listed name that answers a public and a loopback address: rebinding bait. */
    public static final String MIXED = "mixed.standin.test";

    private static final Map<String, List<String>> ADDRESSES = Map.of(
            CDN, List.of("127.0.0.1"),
            INTERNAL, List.of("10.0.0.7"),
            METADATA, List.of("169.254.169.254"),
            UNIQUE_LOCAL, List.of("fd00::1"),
            MIXED, List.of("93.184.215.14", "127.0.0.2"));

    private TestNames() {
    }

    public static HostResolver resolver() {
        HostResolver system = HostResolver.system();
        return host -> {
            List<String> addresses = ADDRESSES.get(host);
            if (addresses == null) {
                return system.resolve(host);
            }
            try {
                return addresses.stream().map(TestNames::literal).toList();
            } catch (IllegalStateException e) {
                throw new UnknownHostException(host);
            }
        };
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every host a test provider may use. */
    public static List<String> allowListed() {
        return List.of("127.0.0.1", "127.0.0.2", "[::1]", "169.254.169.254", "10.0.0.7", "224.0.0.1", "[fe80::1]",
                "[::ffff:10.0.0.1]", CDN, INTERNAL, METADATA, UNIQUE_LOCAL, MIXED);
    }
}
