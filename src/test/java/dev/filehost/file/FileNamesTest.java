package dev.filehost.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void numberedNamesOfAMaximumLengthNameStayDistinctAndShareTheirPrefix() {
        String longest = FileNames.clean("é".repeat(300) + ".txt").orElseThrow();
        Set<String> names = new HashSet<>();
        for (int n = 2; n < 2000; n++) {
            String numbered = FileNames.numbered(longest, n);
            assertThat(numbered.codePointCount(0, numbered.length())).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
            assertThat(numbered).startsWith(FileNames.numberedPrefix(longest)).endsWith(" (" + n + ").txt");
            names.add(numbered);
        }
        assertThat(names).hasSize(1998);
        assertThat(FileNames.numbered(longest, Integer.MAX_VALUE)).startsWith(FileNames.numberedPrefix(longest));
    }

    @Test
    void aLongExtensionIsPartOfTheStem() {
        String name = "a." + "x".repeat(300);
        String stored = FileNames.clean(name).orElseThrow();

        assertThat(stored).hasSize(FileNames.MAX_LENGTH);
        assertThat(FileNames.numbered(stored, 2)).hasSize(FileNames.MAX_LENGTH).endsWith("x (2)");
        assertThat(FileNames.numbered("a.txt", 2)).isEqualTo("a (2).txt");
        assertThat(FileNames.numbered("noext", 3)).isEqualTo("noext (3)");
    }

    @Test
    void keywordsSplitAtEachRunOfSeparatorsAndLowerCaseAsciiOnly() {
        assertThat(FileNames.keywords("button_back.gif")).isEqualTo("button,back,gif");
        assertThat(FileNames.keywords("(Draft) ÄÖÜ Straße_.TXT")).isEqualTo(",draft,ÄÖÜ,straße,txt");
        assertThat(FileNames.keywords("a - b,c(d)")).isEqualTo("a,b,c,d,");
        assertThat(FileNames.keywords("...")).isEqualTo(",");
        assertThat(FileNames.keywords("")).isEmpty();
        assertThat(FileNames.keywords("日本語 ファイル.PDF")).isEqualTo("日本語,ファイル,pdf");
    }
}
