package dev.filehost.http;

/** Told of every finished request, e.g. to count it. */
@FunctionalInterface
public interface RequestListener {

    /**
     * @param route the route template the request matched ({@code /api/v2/file/info}, {@code /{ref}}), never the
     *              raw path, so that what clients send cannot multiply the values; {@code NOT_FOUND} when none did
     */
    void finished(String method, String route, int status, double millis);
}
