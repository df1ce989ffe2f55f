package dev.filehost.http.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDispositionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // browser: raw UTF-8, quotes as %22, backslashes unescaped
            "form-data; name=\"f\"; filename=\"naïve %22quote%22.txt\"   | naïve \"quote\".txt",
            "form-data; name=\"f\"; filename=\"C:\\dir\\a.txt\"          | C:\\dir\\a.txt",
            // curl --form-escape and curl < 7.81: backslash escapes
            "form-data; name=\"f\"; filename=\"say \\\"hi\\\".txt\"      | say \"hi\".txt",
            "form-data; name=\"f\"; filename=\"C:\\\\dir\\\\a.txt\"      | C:\\dir\\a.txt",
            // other escapes and encodings stay as sent
            "form-data; name=\"f\"; filename=\"100%25 %0A.txt\"          | 100%25 %0A.txt",
            "form-data; name=\"f\"; filename=\"semi;colon=.txt\"         | semi;colon=.txt",
            "form-data; name=\"f\"; filename=unquoted.txt                | unquoted.txt",
            "form-data; name=\"f\"; FileName=\"upper.txt\"               | upper.txt",
            "form-data; name=\"f\"; filename=\"/etc/passwd\"             | /etc/passwd"})
    void readsFilename(String header, String filename) throws MalformedMultipartException {
        assertThat(ContentDisposition.parse(header).filename()).isEqualTo(filename);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "form-data; name=f; filename*=UTF-8''%E2%82%AC%20rates.txt                      | € rates.txt",
            "form-data; name=f; filename=\"EUR rates.txt\"; filename*=utf-8''%e2%82%ac.txt | €.txt",
            "form-data; name=f; filename*=UTF-8''%E2%82%AC.txt; filename=\"EUR.txt\"       | €.txt",
            "form-data; name=f; filename*=ISO-8859-1'en'%E9t%E9.txt                         | été.txt",
            "form-data; name=f; filename*=\"UTF-8''quoted%20anyway.txt\"                    | quoted anyway.txt"})
    void prefersExtendedFilename(String header, String filename) throws MalformedMultipartException {
        assertThat(ContentDisposition.parse(header).filename()).isEqualTo(filename);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "form-data; name=f; filename=\"fallback.txt\"; filename*=UTF-8''%C3%28.txt",
            "form-data; name=f; filename=\"fallback.txt\"; filename*=UTF-8''%E2%8.txt",
            "form-data; name=f; filename=\"fallback.txt\"; filename*=KOI8-R''%C1.txt",
            "form-data; name=f; filename=\"fallback.txt\"; filename*=no-quotes.txt",
            "form-data; name=f; filename=\"fallback.txt\"; filename*=UTF-8''raw space.txt"})
    void fallsBackToPlainFilenameWhenExtendedOneIsUnusable(String header) throws MalformedMultipartException {
        assertThat(ContentDisposition.parse(header).filename()).isEqualTo("fallback.txt");
    }

    @Test
    void decodesQuoteEscapesInNames() throws MalformedMultipartException {
        assertThat(ContentDisposition.parse("form-data; name=\"a%22b\\\"c\"").name()).isEqualTo("a\"b\"c");
    }

    @Test
    void hasNoFilenameForPlainFields() throws MalformedMultipartException {
        assertThat(ContentDisposition.parse("form-data; name=\"title\"")).isEqualTo(new ContentDisposition("title", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "attachment; name=\"f\"",
            "form-data",
            "form-data; filename=\"a.txt\"",
            "form-data; name=\"f\"; name=\"g\"",
            "form-data; name=\"f\"; filename=\"a\"; FILENAME=\"b\"",
            "form-data; name=\"unterminated",
            "form-data; name=\"f\"junk",
            "form-data; name",
            "form-data; =value; name=f"})
    void rejectsInvalidOrAmbiguousHeaders(String header) {
        assertThatThrownBy(() -> ContentDisposition.parse(header)).isInstanceOf(MalformedMultipartException.class);
    }
}
