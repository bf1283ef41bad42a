package org.openbpo.shared.mail;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which mail servers a client may have OpenBPO connect to, however an internal address is written. */
class PublicHostsTest {

    @Test
    void internalAddressesAreRecognisedHoweverTheyAreWritten() throws Exception {
        List<String> internal = List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.20",
                "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.255", "224.0.0.1", "240.0.0.1", "255.255.255.255",
                "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
                "::ffff:127.0.0.1", "::127.0.0.1", "::ffff:a9fe:a9fe", "64:ff9b::10.0.0.1", "2130706433", "127.1");
        for (String address : internal) {
            assertThat(PublicHosts.internal(InetAddress.getByName(address))).as(address).isNotNull();
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        List<String> open = List.of("8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700:4700::1111",
                "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8");
        for (String address : open) {
            assertThat(PublicHosts.internal(InetAddress.getByName(address))).as(address).isNull();
        }
    }

    @Test
    void everyAddressOfANameIsJudged() throws UnknownHostException {
        assertThat(PublicHosts.refusal("localhost")).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("localhost is at 127.0.0.1, a loopback address, not a public mail server"));
        assertThat(PublicHosts.refusal("169.254.169.254")).hasValueSatisfying(reason -> assertThat(reason).contains("link-local"));
        assertThat(PublicHosts.refusal("8.8.8.8")).isEmpty();
    }
}
