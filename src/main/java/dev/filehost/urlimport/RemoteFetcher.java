package dev.filehost.urlimport;

import dev.filehost.http.multipart.FilenameHeader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens remote http(s) URLs for import: redirects followed by hand so that each hop is checked,
 * every connection through the guarded resolver, timeouts for connecting and for a stalled transfer.
 */
public final class RemoteFetcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RemoteFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client = new HttpClient();
    private final Duration stallTimeout;
    private final int maxRedirects;

    public RemoteFetcher(AddressPolicy policy, Duration connectTimeout, Duration stallTimeout, int maxRedirects) {
        this.stallTimeout = stallTimeout;
        this.maxRedirects = maxRedirects;
        client.setSocketAddressResolver(new GuardedResolver(policy));
        client.setFollowRedirects(false);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(stallTimeout.toMillis());
        client.setUserAgentField(new org.eclipse.jetty.http.HttpField(HttpHeader.USER_AGENT, "filehost-url-import"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the import HTTP client could not start", e);
        }
        // The file is the bytes the server sends: no gzip asked for, none undone.
        client.getContentDecoderFactories().clear();
    }

    RemoteFile open(URI url) throws ImportFailure {
        URI current = url;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            UrlRules.requireHttp(current);
            InputStreamResponseListener listener = new InputStreamResponseListener();
            Request request = client.newRequest(current).timeout(0, TimeUnit.MILLISECONDS)
                    .headers(headers -> headers.put(HttpHeader.ACCEPT_ENCODING, "identity"));
            request.send(listener);
            Response response = await(listener, current);
            int status = response.getStatus();
            if (REDIRECTS.contains(status)) {
                String location = response.getHeaders().get(HttpHeader.LOCATION);
                response.abort(new IOException("redirect followed"));
                if (location == null) {
                    throw new ImportFailure("The remote server answered HTTP " + status + " without a Location.");
                }
                current = resolve(current, location);
                continue;
            }
            if (status < 200 || status > 299) {
                response.abort(new IOException("unwanted status"));
                throw new ImportFailure("The remote server answered HTTP " + status + ".");
            }
            long length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            InputStream body = new RemoteBody(listener.getInputStream());
            return new RemoteFile(nameOf(response, current), length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(),
                    body, body);
        }
        throw new ImportFailure("Too many redirects (more than " + maxRedirects + ").");
    }

    private Response await(InputStreamResponseListener listener, URI url) throws ImportFailure {
        try {
            return listener.get(stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ImportFailure("The remote server did not answer in time.");
        } catch (ExecutionException e) {
            throw new ImportFailure(describe(e.getCause(), url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("The import was interrupted.");
        }
    }

    static String describe(Throwable cause, URI url) {
        for (Throwable e = cause; e != null; e = e.getCause()) {
            if (e instanceof GuardedResolver.BlockedAddressException) {
                return "The URL points to an address private to the server's network: " + url.getHost();
            }
            if (e instanceof java.net.UnknownHostException) {
                return "The host " + url.getHost() + " could not be found.";
            }
            if (e instanceof java.net.ConnectException || e instanceof java.net.SocketTimeoutException) {
                return "Could not connect to " + url.getHost() + ".";
            }
            if (e instanceof TimeoutException) {
                return "The remote server did not answer in time.";
            }
        }
        log.warn("Could not download from {}", url.getHost(), cause);
        return "Could not download the file from " + url.getHost() + ".";
    }

    private static URI resolve(URI base, String location) throws ImportFailure {
        try {
            return base.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new ImportFailure("The remote server redirected to an invalid URL.");
        }
    }

    /** The name from Content-Disposition, else the last segment of the URL's path. */
    private static String nameOf(Response response, URI url) {
        return FilenameHeader.of(response.getHeaders().get(HttpHeader.CONTENT_DISPOSITION))
                .filter(name -> !name.isBlank())
                .orElseGet(() -> lastSegment(url));
    }

    private static String lastSegment(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String segment = path.substring(path.lastIndexOf('/') + 1);
        String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.isBlank() ? url.getHost() : decoded;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the import HTTP client could not stop", e);
        }
    }
}
