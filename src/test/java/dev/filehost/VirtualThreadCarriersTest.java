package dev.filehost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VirtualThreadCarriersTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(VirtualThreadCarriers.PARALLELISM);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(VirtualThreadCarriers.PARALLELISM);
        } else {
            System.setProperty(VirtualThreadCarriers.PARALLELISM, before);
        }
    }

    @Test
    void twoCarriersPerCoreByDefault() {
        System.clearProperty(VirtualThreadCarriers.PARALLELISM);
        VirtualThreadCarriers.configure();
        assertThat(System.getProperty(VirtualThreadCarriers.PARALLELISM))
                .isEqualTo(String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void theOperatorsSettingWins() {
        System.setProperty(VirtualThreadCarriers.PARALLELISM, "3");
        VirtualThreadCarriers.configure();
        assertThat(System.getProperty(VirtualThreadCarriers.PARALLELISM)).isEqualTo("3");
    }
}
