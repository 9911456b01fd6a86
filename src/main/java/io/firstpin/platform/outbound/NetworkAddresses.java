package io.firstpin.platform.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells public addresses from the ones an outside request must never reach: loopback, private (10/8, 172.16/12,
 * 192.168/16, IPv6 unique local fc00::/7), link-local (169.254/16 with the cloud metadata service, fe80::/10), the
 * unspecified address, multicast, carrier-grade NAT (100.64/10), documentation (192.0.2/24, 198.51.100/24,
 * 203.0.113/24, 2001:db8::/32, 3fff::/20), benchmarking, the 6to4 relay, IETF protocol assignments (192.0.0/24,
 * 2001::/23 with Teredo), discard-only 100::/64, local NAT64 64:ff9b:1::/48, reserved ranges, and every IPv6 address
 * outside global unicast 2000::/3. IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d,
 * NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that address.
 */
public final class NetworkAddresses {

    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private NetworkAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        Optional<Inet4Address> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return isPublic(embedded.get());
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            int third = bytes[2] & 0xff;
            boolean thisNetwork = first == 0;
            boolean carrierGradeNat = first == 100 && (second & 0xc0) == 64;
            boolean protocolAssignments = first == 192 && second == 0 && third == 0;
            boolean documentation = (first == 192 && second == 0 && third == 2)
                    || (first == 198 && second == 51 && third == 100) || (first == 203 && second == 0 && third == 113);
            boolean sixToFourRelay = first == 192 && second == 88 && third == 99;
            boolean benchmarking = first == 198 && (second & 0xfe) == 18;
            boolean reservedOrBroadcast = first >= 240;
            return !(thisNetwork || carrierGradeNat || protocolAssignments || documentation || sixToFourRelay
                    || benchmarking || reservedOrBroadcast);
        }
        int firstWord = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
        int secondWord = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
        // 2001::/23 holds the IETF protocol assignments (Teredo 2001::/32, benchmarking 2001:2::/48, ORCHID), of which
        // only a few anycast services are reachable; none is a site to fetch from
        boolean ietfAssignments = firstWord == 0x2001 && secondWord < 0x0200;
        boolean documentation = (firstWord == 0x2001 && secondWord == 0x0db8) || firstWord == 0x3fff;
        boolean discardOnly = firstWord == 0x0100 && secondWord == 0 && bytes[4] == 0 && bytes[5] == 0
                && bytes[6] == 0 && bytes[7] == 0;
        boolean nat64Local = firstWord == 0x0064 && secondWord == 0xff9b && (bytes[4] & 0xff) == 0
                && (bytes[5] & 0xff) == 1;
        boolean notGlobalUnicast = (bytes[0] & 0xe0) != 0x20;
        return !(uniqueLocal || ietfAssignments || documentation || discardOnly || nat64Local || notGlobalUnicast);
    }

    private static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean firstTenZero = Arrays.equals(bytes, 0, 10, new byte[10], 0, 10);
        boolean mapped = firstTenZero && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean compatible = firstTenZero && bytes[10] == 0 && bytes[11] == 0;
        boolean nat64 = Arrays.equals(bytes, 0, 12, NAT64_PREFIX, 0, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        boolean sixToFour = bytes[0] == 0x20 && bytes[1] == 0x02;
        if (sixToFour) {
            return Optional.of(ipv4(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return Optional.empty();
    }

    private static Inet4Address ipv4(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
