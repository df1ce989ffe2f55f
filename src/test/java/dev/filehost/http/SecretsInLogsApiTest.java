package dev.filehost.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import dev.filehost.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What clients send as credentials never reaches the log, however broken the request around it. */
class SecretsInLogsApiTest extends ApiTestBase {
    private static final String SECRET = "SeCrEt0123456789abcdef";
    private static final String QUERY = "?access_token=" + SECRET + "&account_id=1&key1=" + SECRET + "&key2=" + SECRET;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        root().addAppender(captured);
    }

    @AfterEach
    void release() {
        root().detachAppender(captured);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The captured events as the configured console appender writes them. */
    private List<String> written() {
        var console = (OutputStreamAppender<ILoggingEvent>) root().getAppender("STDERR");
        return captured.list.stream()
                .map(event -> new String(console.getEncoder().encode(event), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void brokenRequestsCarryingCredentialsLeaveNoTraceOfThemInTheLog() throws Exception {
        for (String request : List.of(
                "GET /api/v2/file/info" + QUERY + " HTTP/9.9\r\nHost: x\r\n\r\n",
                "GET /api/v2/file/info" + QUERY + "\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v2/file/info" + QUERY + " HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
                "GET /api/v2/file/info" + QUERY + " HTTP/1.1\r\nHost: x\r\nX-Odd: a\u0000b\r\n\r\n",
                "GET /api/v2/file/info" + QUERY + " HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n",
                "GET /api/v2/file%2F..%2Finfo" + QUERY + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v2/file/info" + QUERY + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                "GET /api/v2/file/info" + QUERY + "&q=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /abc" + QUERY + " HTTP/1.1\r\nHost: x\r\nX-Filler: " + "b".repeat(20_000) + "\r\n\r\n",
                "POST /api/v2/file/info HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nzz\r\naccess_token=" + SECRET + "\r\n0\r\n\r\n",
                "GET /api/v2/file/info" + QUERY + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n")) {
            ProtocolErrorsApiTest.exchange(request);
        }

        assertThat(written()).noneMatch(line -> line.contains(SECRET));
    }

    @Test
    void aWarningThatQuotesARequestLineOrBodyIsWrittenWithoutItsCredentials() {
        org.slf4j.Logger jetty = LoggerFactory.getLogger("org.eclipse.jetty.server.HttpChannel");
        jetty.warn("bad request GET /api/v2/file/info{} HTTP/1.1", QUERY);
        jetty.warn("Illegal character in buffer [access_token={}&download_token={}]", SECRET, SECRET,
                new IllegalStateException("while parsing /api/v2/file/upload" + QUERY));
        jetty.warn("form body: key1={}&key2={}&password={}&delete_hash={}", SECRET, SECRET, SECRET, SECRET);

        List<String> lines = written();

        assertThat(lines).hasSize(3).noneMatch(line -> line.contains(SECRET));
        assertThat(lines.get(0)).contains("GET /api/v2/file/info?[query removed] HTTP/1.1");
        assertThat(lines.get(1)).contains("access_token=[removed]", "IllegalStateException",
                "/api/v2/file/upload?[query removed]");
        assertThat(lines.get(2)).contains("key1=[removed]&key2=[removed]&password=[removed]&delete_hash=[removed]");
    }
}
