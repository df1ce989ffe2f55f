package dev.filehost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filehost.net.CidrRange;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsAccessTest {

    @Test
    void rangesContainTheAddressesOfTheirPrefix() throws Exception {
        CidrRange private12 = CidrRange.parse("172.16.0.0/12");

        assertThat(private12.contains(InetAddress.getByName("172.31.255.255"))).isTrue();
        assertThat(private12.contains(InetAddress.getByName("172.32.0.0"))).isFalse();
        assertThat(CidrRange.parse("10.0.0.0/8").contains(InetAddress.getByName("10.200.1.2"))).isTrue();
        assertThat(CidrRange.parse("192.168.1.5").contains(InetAddress.getByName("192.168.1.5"))).isTrue();
        assertThat(CidrRange.parse("192.168.1.5").contains(InetAddress.getByName("192.168.1.6"))).isFalse();
        assertThat(CidrRange.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(CidrRange.parse("::1/128").contains(InetAddress.getByName("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(CidrRange.parse("fd00::/8").contains(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(CidrRange.parse("::/0").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "10.0.0.0/33", "10.0.0/8", "999.0.0.0/8", "::1/129", "10.0.0.0/x",
            "localhost/8", "10.0.0.0/8/8"})
    void malformedRangesAreRejected(String text) {
        assertThatThrownBy(() -> CidrRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAddressLiteralsAreParsedNeverNames() {
        assertThat(CidrRange.literal("127.0.0.1")).isPresent();
        assertThat(CidrRange.literal("[::1]")).isPresent();
        assertThat(CidrRange.literal("::ffff:10.0.0.1")).hasValueSatisfying(a -> assertThat(a.getAddress()).hasSize(4));
        assertThat(CidrRange.literal("localhost")).isEmpty();
        assertThat(CidrRange.literal("example.com")).isEmpty();
        assertThat(CidrRange.literal("1.2.3")).isEmpty();
        assertThat(CidrRange.literal("unknown")).isEmpty();
    }

    @Test
    void theAddressMustBeInARangeAndTheTokenPresentedWhenOneIsSet() {
        List<CidrRange> loopback = CidrRange.parseList("127.0.0.0/8,::1/128");
        MetricsAccess open = new MetricsAccess(loopback, Optional.empty());
        MetricsAccess withToken = new MetricsAccess(loopback, Optional.of("s3cret"));

        assertThat(open.permits("127.0.0.1", null)).isTrue();
        assertThat(open.permits("0:0:0:0:0:0:0:1", null)).isTrue();
        assertThat(open.permits("10.0.0.1", null)).isFalse();
        assertThat(open.permits("not-an-address", null)).isFalse();
        assertThat(withToken.permits("127.0.0.1", null)).isFalse();
        assertThat(withToken.permits("127.0.0.1", "Bearer wrong")).isFalse();
        assertThat(withToken.permits("127.0.0.1", "Bearer s3cret")).isTrue();
        assertThat(withToken.permits("127.0.0.1", "BEARER s3cret")).isTrue();
        assertThat(withToken.permits("10.0.0.1", "Bearer s3cret")).isFalse();
        assertThat(withToken.toString()).doesNotContain("s3cret");
    }
}
