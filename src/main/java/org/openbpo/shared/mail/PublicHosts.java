package org.openbpo.shared.mail;

import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which mail servers OpenBPO may connect to on a client's behalf: only public ones. A client's
 * administrator names a mail server (the server of its AP mailbox, say); were it 127.0.0.1, 10.0.0.5
 * or the cloud's metadata address 169.254.169.254, the platform would connect to the provider's own
 * network for the client and report what it found. Every address a name resolves to is judged, so a
 * name, a numeric form (2130706433 is 127.0.0.1) or an IPv6 address carrying an IPv4 one cannot hide
 * an internal address. The provider's staff may name any server; this is for what clients set up.
 * Connect with {@link CheckedAddressSockets} to the addresses checked.
 */
public final class PublicHosts {

    private PublicHosts() {
    }

    /** Where a name points now; the system's resolver in production, one a test controls in tests. */
    @FunctionalInterface
    public interface Resolver {

        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /**
     * The addresses of the host, asked once, when every one of them is public; empty when one is
     * internal (the reason then from {@link #refusal(String, InetAddress[])}). A connection must go to
     * these addresses rather than look the name up again: a name may answer a public address to the
     * check and an internal one a moment later (DNS rebinding).
     *
     * @throws UnknownHostException when the name resolves to nothing (now)
     */
    public static Checked check(String host, Resolver resolver) throws UnknownHostException {
        InetAddress[] addresses = resolver.addresses(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        return new Checked(host, List.of(addresses), refusal(host, addresses));
    }

    /** A host's addresses as they were judged, and why they may not be reached, if so. */
    public record Checked(String host, List<InetAddress> addresses, Optional<String> refusal) {
    }

    /**
     * Why the host may not be reached for a client, or empty when every address it has is public.
     *
     * @throws UnknownHostException when the name resolves to nothing (now)
     */
    public static Optional<String> refusal(String host) throws UnknownHostException {
        return refusal(host, InetAddress.getAllByName(host));
    }

    static Optional<String> refusal(String host, InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            String kind = internal(address);
            if (kind != null) {
                return Optional.of(host + " is at " + address.getHostAddress() + ", " + kind + " address, not a public mail server: "
                        + "a client's mail server must be reachable on the internet.");
            }
        }
        return Optional.empty();
    }

    /** What kind of internal address this is ("a loopback"), or null for a public one. */
    static @Nullable String internal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "an any-local";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0) {
                return "an unspecified (0.0.0.0/8)";
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return "a shared (100.64.0.0/10)";
            }
            return first >= 240 ? "a reserved" : null;
        }
        if ((bytes[0] & 0xfe) == 0xfc) {
            return "a unique local (fc00::/7)";
        }
        // An IPv4 address carried in an IPv6 one (::a.b.c.d, ::ffff:a.b.c.d, NAT64's 64:ff9b::a.b.c.d) reaches that IPv4 address.
        boolean zeros = Arrays.equals(bytes, 0, 10, new byte[10], 0, 10);
        boolean carried = zeros && (bytes[10] == bytes[11]) && (bytes[10] == 0 || bytes[10] == (byte) 0xff)
                || Arrays.equals(bytes, 0, 12, new byte[]{0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}, 0, 12);
        if (carried) {
            try {
                return internal(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return null;
    }
}
