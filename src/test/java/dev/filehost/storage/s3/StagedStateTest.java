package dev.filehost.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The state object of a resumable upload staged in S3: what counts, and that it reads back as written. */
class StagedStateTest {

    @Test
    void appendingCountsTheNewPartsAndTheNewTailAndReadsBackAsWritten() {
        StagedState started = StagedState.started("upload-1");
        StagedState appended = started.appended(List.of(new StagedState.StagedPart(1, 5_242_880, "\"etag-1\"")), 1000)
                .appended(List.of(), 2500);

        assertThat(started.size()).isZero();
        assertThat(appended.size()).isEqualTo(5_242_880 + 2500);
        assertThat(appended.partBytes()).isEqualTo(5_242_880);
        assertThat(appended.nextPartNumber()).isEqualTo(2);
        assertThat(appended.tailGeneration()).isEqualTo(2);
        assertThat(StagedState.parse(appended.text())).isEqualTo(appended);
    }
}
