package dev.filehost.http;

/**
 * What the site lets through to /api/v2/&lt;endpoint&gt; whatever the endpoint: a banned address, a site in
 * maintenance. Each method throws a {@link dev.filehost.core.Refusal} to turn the call away.
 */
public interface CallGate<C> {
    /** Before anything else of a call from {@code ip}. */
    void enter(String ip);

    /** Once an authenticated call's caller is known. */
    void signedIn(C caller);
}
