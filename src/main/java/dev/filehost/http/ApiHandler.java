package dev.filehost.http;

/** One API endpoint: reads parameters, calls one service, shapes one result. */
@FunctionalInterface
public interface ApiHandler<C> {
    ApiResult handle(ApiCall<C> call);
}
