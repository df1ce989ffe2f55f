package dev.filehost.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.net.CidrRange;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(true, CidrRange.parseList("127.0.0.0/8,::1/128,10.0.0.0/8"));

    @Test
    void headerIsIgnoredUnlessProxyHeadersAreTrusted() {
        ClientAddress direct = new ClientAddress(false, CidrRange.parseList("127.0.0.0/8"));

        assertThat(direct.of("127.0.0.1", "203.0.113.7")).isEqualTo("127.0.0.1");
    }

    @Test
    void headerSentStraightByAClientIsIgnored() {
        assertThat(behindProxies.of("198.51.100.4", "203.0.113.7")).isEqualTo("198.51.100.4");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(behindProxies.of("127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("0:0:0:0:0:0:0:1", "2001:db8::5")).isEqualTo("2001:db8::5");
    }

    @Test
    void entriesTheClientWroteBeforeTheProxyHopsProveNothing() {
        assertThat(behindProxies.of("127.0.0.1", "1.2.3.4, 203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedBackToTheClient() {
        assertThat(behindProxies.of("127.0.0.1", "203.0.113.7, 10.1.2.3")).isEqualTo("203.0.113.7");
    }

    @Test
    void somethingThatIsNotAnAddressStopsTheWalk() {
        assertThat(behindProxies.of("127.0.0.1", "evil, 10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(behindProxies.of("127.0.0.1", "")).isEqualTo("127.0.0.1");
    }
}
