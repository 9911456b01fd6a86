package io.firstpin.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressesTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "0.0.0.0", "::", "100.64.0.1", "224.0.0.1", "255.255.255.255",
            "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1", "198.18.0.1", "192.0.0.8"})
    void loopbackPrivateLinkLocalAndTheirIpv6FormsAreNotPublic(String address) throws UnknownHostException {
        assertThat(NetworkAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "198.51.100.7", "203.0.113.200", "192.88.99.1", "2001:db8::1", "3fff::1",
            "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:2::1", "2001:10::1", "2001:20::1", "100::1",
            "64:ff9b:1::a00:1", "64:ff9b::7f00:1", "2002:7f00:1::1", "2002:a00:1::1", "::a00:1", "4000::1", "fec0::1"})
    void everyIanaSpecialPurposeRangeIsRefusedInBothFamilies(String address) throws UnknownHostException {
        assertThat(NetworkAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "2001:4860:4860::8888", "::ffff:93.184.215.14"})
    void publicAddressesArePublic(String address) throws UnknownHostException {
        assertThat(NetworkAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:0:0:0:0:ffff:7f00:1", "::ffff:a9fe:a9fe"})
    void ipv4MappedAddressesKeptInTheirIpv6FormAreJudgedByTheirIpv4Address(String text) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(text).getAddress();
        byte[] sixteen = new byte[16];
        sixteen[10] = (byte) 0xff;
        sixteen[11] = (byte) 0xff;
        System.arraycopy(bytes, bytes.length - 4, sixteen, 12, 4);
        InetAddress mapped = java.net.Inet6Address.getByAddress(null, sixteen, -1);

        assertThat(NetworkAddresses.isPublic(mapped)).isFalse();
    }
}
