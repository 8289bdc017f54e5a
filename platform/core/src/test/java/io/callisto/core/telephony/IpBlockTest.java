package io.callisto.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict parsing of allow-list entries and host names: what is accepted, what is refused, what matches. */
class IpBlockTest {
    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, 32", "0.0.0.0/0, 0", "203.0.113.0/24, 24", "255.255.255.255/32, 32", "::1, 128", "::/0, 0",
        "2001:db8::/32, 32", "2001:DB8:0:0:0:0:0:1, 128", "::ffff:192.0.2.1, 128", "fe80::1:2:3:4:5:6/64, 64",
        "1:2:3:4:5:6:7:8/128, 128", "1::, 128"})
    void acceptsAddressesAndBlocks(String text, int prefix) {
        assertThat(IpBlock.parse(text)).hasValueSatisfying(b -> assertThat(b.prefix()).isEqualTo(prefix));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "carrier.example", "localhost", "10.0.0", "10.0.0.1.2", "256.0.0.1", "010.0.0.1",
        "10.0.0.1/", "10.0.0.1/33", "10.0.0.1/-1", "10.0.0.1/08", "10.0.0.1/a", " 10.0.0.1", "10.0.0.1 ", "10.0.0.1/24/8",
        "+10.0.0.1", "1::2::3", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1", "fe80::1%eth0",
        "2001:db8::/129", "::1.2.3", "1.2.3.4::", "[::1]", "١٠.0.0.1"})
    void refusesAnythingElse(String text) {
        assertThat(IpBlock.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "203.0.113.0/24, 203.0.113.255, true", "203.0.113.0/24, 203.0.114.0, false", "10.0.0.0/9, 10.127.1.1, true",
        "10.0.0.0/9, 10.128.0.1, false", "0.0.0.0/0, 198.51.100.1, true", "198.51.100.7, 198.51.100.7, true",
        "198.51.100.7, 198.51.100.6, false", "2001:db8::/32, 2001:db8:1::1, true", "2001:db8::/32, 2001:db9::1, false",
        "2001:db8::/32, 10.0.0.1, false", "10.0.0.0/8, ::1, false", "::ffff:10.0.0.1, 10.0.0.1, false"})
    void matchesSourceAddresses(String block, String address, boolean contained) throws Exception {
        assertThat(IpBlock.parse(block).orElseThrow().contains(InetAddress.getByName(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip.carrier.example", "pbx", "PBX-1.office.example", "203.0.113.5", "2001:db8::1",
        "a.b-c.d9", "xn--bcher-kva.example"})
    void hostsAreNamesOrAddresses(String host) {
        assertThat(SipHost.isHost(host)).isTrue();
        assertThat(SipHost.parse(host)).contains(new SipHost(host, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "sip:carrier.example", "carrier.example/", "carrier..example", ".carrier.example",
        "carrier.example.", "carrier_1.example", "-carrier.example", "carrier-.example", "1.2.3", "10.0.0.999",
        "[2001:db8::1]", "user@host", "bücher.example", "carrier example"})
    void hostsRefuseEverythingElse(String host) {
        assertThat(SipHost.isHost(host)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"b.example:5080, b.example, 5080", "10.0.0.1:1, 10.0.0.1, 1", "[2001:db8::1]:65535, 2001:db8::1, 65535"})
    void failoverHostsMayCarryAPort(String text, String host, int port) {
        assertThat(SipHost.parse(text)).contains(new SipHost(host, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"b.example:0", "b.example:65536", "b.example:080", "b.example:", "b.example:x", "[2001:db8::1]:",
        "[2001:db8::1]5060", "[10.0.0.1]:5060", "[2001:db8::1", "b.example:5060:1", "sip://b.example:5060"})
    void badHostPortsAreRefused(String text) {
        assertThat(SipHost.parse(text)).isEmpty();
    }
}
