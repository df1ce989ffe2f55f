package dev.filehost.http.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoundaryOfTest {

    private static final String SEVENTY =
            "1234567890123456789012345678901234567890123456789012345678901234567890";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW | ----WebKitFormBoundary7MA4YWxkTrZu0gW",
            "multipart/form-data; boundary=\"quoted:boundary (with) space\"     | quoted:boundary (with) space",
            "Multipart/Form-Data;BOUNDARY=abc                                    | abc",
            "multipart/form-data; charset=utf-8; boundary=abc                    | abc",
            "multipart/form-data; boundary=abc; charset=utf-8                    | abc",
            "multipart/form-data ;\tboundary = abc ;                             | abc",
            "multipart/form-data; boundary=" + SEVENTY + "                       | " + SEVENTY})
    void findsBoundary(String header, String boundary) {
        assertThat(MultipartParser.boundaryOf(header)).contains(boundary);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"\"",
            "multipart/form-data; boundary=" + SEVENTY + "1",
            "multipart/form-data; boundary=\"ends with space \"",
            "multipart/form-data; boundary=\"new\r\nline\"",
            "multipart/form-data; boundary=\"unterminated",
            "multipart/form-data; boundary=a; boundary=b",
            "multipart/mixed; boundary=abc",
            "application/x-www-form-urlencoded",
            "text/plain; boundary=abc"})
    void rejectsHeaderWithoutValidBoundary(String header) {
        assertThat(MultipartParser.boundaryOf(header)).isEmpty();
    }
}
