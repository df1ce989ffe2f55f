package dev.filehost.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Locale;
import org.eclipse.jetty.http.HttpDateTime;

/**
 * A representation's validators, a strong entity tag and a modification time, and the conditional
 * headers of RFC 9110 section 13 that compare a request against them.
 */
record Validators(String etag, Instant lastModified) {
    /** IMF-fixdate: fixed width, two-digit day (RFC_1123_DATE_TIME writes "3 Dec"). */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    Validators {
        lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
    }

    String lastModifiedHeader() {
        return IMF_FIXDATE.format(lastModified);
    }

    /**
     * True when a GET or HEAD may answer 304: If-None-Match lists this tag or is "*"; only when it is
     * absent, If-Modified-Since is not earlier than the modification time.
     */
    boolean notModified(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        var ifNoneMatch = Collections.list(ctx.req().getHeaders("If-None-Match"));
        if (!ifNoneMatch.isEmpty()) {
            return ifNoneMatch.stream().anyMatch(this::listsWeakly);
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince == null) {
            return false;
        }
        long since = HttpDateTime.parseToEpoch(ifModifiedSince.strip());
        return since >= 0 && lastModified.toEpochMilli() <= since;
    }

    /** If-Range: absent, or exactly (strongly) this tag or this date; otherwise the whole file is sent. */
    boolean rangeApplies(Context ctx) {
        String ifRange = ctx.header("If-Range");
        return ifRange == null || ifRange.strip().equals(etag) || ifRange.strip().equals(lastModifiedHeader());
    }

    /** "*", or a list of entity tags one of which has our opaque tag (a W/ before it does not matter). */
    private boolean listsWeakly(String header) {
        String list = header.strip();
        if (list.equals("*")) {
            return true;
        }
        int at = 0;
        while (at < list.length()) {
            int open = list.indexOf('"', at);
            int close = open < 0 ? -1 : list.indexOf('"', open + 1);
            if (close < 0) {
                return false;
            }
            if (list.substring(open, close + 1).equals(etag)) {
                return true;
            }
            at = close + 1;
        }
        return false;
    }
}
