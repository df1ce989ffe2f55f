package dev.filehost.tus;

import io.javalin.http.Context;

/** Reading the protocol's request headers, each checked once here. */
final class TusHeaders {
    private TusHeaders() {
    }

    /** Upload-Length, or null with Upload-Defer-Length: 1; one of the two is required. */
    static Long length(String length, String defer) {
        if (length != null) {
            return nonNegative("Upload-Length", length);
        }
        if (!"1".equals(defer)) {
            throw TusFailure.BAD_REQUEST.because("Send Upload-Length, or Upload-Defer-Length: 1.");
        }
        return null;
    }

    static boolean isOffsetOctetStream(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return type.equalsIgnoreCase(TusRoutes.OFFSET_OCTET_STREAM);
    }

    static TusAppender.Patch patch(Context ctx) {
        String offset = ctx.header("Upload-Offset");
        if (offset == null) {
            throw TusFailure.BAD_REQUEST.because("Send Upload-Offset.");
        }
        String length = ctx.header("Upload-Length");
        return new TusAppender.Patch(nonNegative("Upload-Offset", offset),
                length == null ? null : nonNegative("Upload-Length", length),
                ctx.req().getContentLengthLong(), checksum(ctx));
    }

    /** The body sent with the creation request, the first bytes of the upload. */
    static TusAppender.Patch creationPatch(Context ctx) {
        return new TusAppender.Patch(0, null, ctx.req().getContentLengthLong(), checksum(ctx));
    }

    private static TusChecksum checksum(Context ctx) {
        String header = ctx.header("Upload-Checksum");
        return header == null ? null : TusChecksum.parse(header);
    }

    private static long nonNegative(String name, String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw TusFailure.BAD_REQUEST.because(name + " must be a non-negative integer.");
    }
}
