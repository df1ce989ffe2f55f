package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A page's bytes are what {@code String.getBytes(UTF_8)} makes of its text, however the writes split it. */
class Utf8PageWriterTest {

    private static byte[] written(int expectedSize, String... pieces) throws IOException {
        Utf8PageWriter writer = new Utf8PageWriter(expectedSize);
        for (String piece : pieces) {
            writer.write(piece);
        }
        return writer.content().readAllBytes();
    }

    @Test
    void everyKindOfCharacterIsEncodedAsJavaEncodesIt() throws IOException {
        String text = "<a href=\"/f\">ÄÖÜ straße ↑ “quoted” \u00a0 😀 𝄞</a>";
        assertThat(written(0, text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(written(0, text.substring(0, 20), text.substring(20))).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSurrogatePairSplitBetweenTwoWritesStaysOneCharacter() throws IOException {
        String smile = "😀";
        assertThat(written(0, "a" + smile.charAt(0), smile.charAt(1) + "b"))
                .isEqualTo(("a" + smile + "b").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsInJava() throws IOException {
        for (String text : new String[] {"x\uD83Dy", "x\uDE00y", "end\uD83D", "\uDE00\uD83D"}) {
            assertThat(written(0, text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void randomTextInRandomPiecesGrowsTheBufferAndKeepsEveryByte() throws IOException {
        assertRandomPiecesKept(40);
    }

    @Test
    void longPiecesSuchAsRowsRenderedBeforeKeepEveryByteToo() throws IOException {
        assertRandomPiecesKept(3000);
        String rows = "<tr><td>row</td></tr>\n".repeat(4000);
        assertThat(written(1024, "<tbody>", rows, "</tbody>"))
                .isEqualTo(("<tbody>" + rows + "</tbody>").getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRandomPiecesKept(int longestPiece) throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            int kind = random.nextInt(10);
            text.appendCodePoint(kind < 6 ? 32 + random.nextInt(95) : kind < 8 ? 0xA0 + random.nextInt(0x700)
                    : kind < 9 ? 0x800 + random.nextInt(0xD000) : 0x10000 + random.nextInt(0x1000));
        }
        String all = text.toString();
        Utf8PageWriter writer = new Utf8PageWriter(16);
        for (int at = 0; at < all.length(); ) {
            int end = Math.min(all.length(), at + random.nextInt(longestPiece));
            if (random.nextBoolean()) {
                writer.write(all, at, end - at);
            } else {
                writer.write(all.toCharArray(), at, end - at);
            }
            at = end;
        }
        assertThat(writer.content().readAllBytes()).isEqualTo(all.getBytes(StandardCharsets.UTF_8));
        assertThat(writer.size()).isEqualTo(all.getBytes(StandardCharsets.UTF_8).length);
    }
}
