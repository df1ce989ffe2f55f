package dev.filehost.http;

import dev.filehost.core.Refusal;
import dev.filehost.http.multipart.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A call to an endpoint that streams its file: its form is read in order, text fields up to the
 * file part, which then streams; the rest is read by {@link #finish}. The fields may come in any order.
 * The caller is signed in once: as soon as access_token and account_id are known, before a byte of the
 * file is read when they come first, otherwise once the body has ended. Until then the body is bounded
 * by {@link UploadsBeforeSignIn}.
 */
public final class StreamingCall<C> implements AutoCloseable {
    static final String SENT_TWICE = "The %s param was sent twice with different values.";
    static final String ONE_FILE = "Please send one file per upload.";
    private static final List<String> CREDENTIALS = List.of("access_token", "account_id");

    private final Map<String, String> values;
    private final String clientIp;
    private final long contentLength;
    private final String fileField;
    private final Function<ApiParams, C> signIn;
    private BoundedBody body;
    private MultipartFields form;
    private C caller;
    private Part file;
    private boolean ended;
    private UploadsBeforeSignIn.Held waiting;

    private StreamingCall(Map<String, String> values, String clientIp, long contentLength, String fileField,
                          Function<ApiParams, C> signIn) {
        this.values = values;
        this.clientIp = clientIp;
        this.contentLength = contentLength;
        this.fileField = fileField;
        this.signIn = signIn;
        this.ended = true;
    }

    /** The request body, opened only once the query's credentials are checked: Jetty then answers 100-continue. */
    @FunctionalInterface
    interface Body {
        InputStream open() throws IOException;
    }

    /** The caller and every parameter of the call, once its body has ended. */
    public record Signed<C>(C caller, ApiParams params) {
    }

    /** A call whose body is not multipart: {@code params} holds all it sent, and it has no file. */
    static <C> StreamingCall<C> withoutFile(ApiParams params, String clientIp, Function<ApiParams, C> signIn) {
        return new StreamingCall<>(new HashMap<>(params.asMap()), clientIp, -1, "", signIn);
    }

    /**
     * A call whose multipart body is read up to its {@code fileField} part; credentials in the query
     * sign the caller in before a byte of the body is read.
     */
    static <C> StreamingCall<C> begin(ApiParams query, String contentType, Body rawBody, long contentLength,
                                      String clientIp, String fileField, Function<ApiParams, C> signIn,
                                      UploadsBeforeSignIn beforeSignIn) throws IOException {
        StreamingCall<C> call = new StreamingCall<>(new HashMap<>(query.asMap()), clientIp, contentLength, fileField,
                signIn);
        try {
            call.signInOnceKnown();
            call.open(contentType, rawBody.open());
            call.readUpToTheFile(beforeSignIn);
            return call;
        } catch (RuntimeException | IOException e) {
            call.close();
            throw e;
        }
    }

    private void open(String contentType, InputStream rawBody) {
        body = BoundedBody.streaming(rawBody);
        if (caller != null) {
            body.lift();
        }
        form = MultipartFields.open(contentType, body);
        ended = false;
    }

    private void readUpToTheFile(UploadsBeforeSignIn beforeSignIn) throws IOException {
        for (Optional<Part> next = form.nextFile(this::putBeforeTheFile); next.isPresent();
             next = form.nextFile(this::putBeforeTheFile)) {
            if (fileField.equals(next.get().name())) {
                file = next.get();
                if (caller == null) {
                    waiting = beforeSignIn.admit(clientIp, contentLength, body);
                }
                return;
            }
        }
        ended = true;
    }

    private void putBeforeTheFile(String name, String value) {
        put(name, value);
        signInOnceKnown();
    }

    private void signInOnceKnown() {
        if (caller == null && CREDENTIALS.stream().allMatch(name -> params().get(name).isPresent())) {
            signIn(params());
        }
    }

    private void signIn(ApiParams params) {
        caller = signIn.apply(params);
        if (body != null) {
            body.lift();
        }
    }

    /** A later value of a credential must repeat the one sent before: the caller may be signed in with it. */
    private void put(String name, String value) {
        String before = values.get(name);
        if (CREDENTIALS.contains(name) && before != null && !before.isEmpty() && !value.isEmpty()
                && !before.equals(value)) {
            throw Refusal.badInput(SENT_TWICE.formatted(name));
        }
        values.put(name, value);
    }

    /** The file part, streaming; empty when the body has none. */
    public Optional<Part> file() {
        return Optional.ofNullable(file);
    }

    /** The caller, when signed in before the file; otherwise empty until {@link #finish}. */
    public Optional<C> callerBeforeTheFile() {
        return Optional.ofNullable(caller);
    }

    /** The parameters read so far: the query's and the fields before the file. */
    public ApiParams params() {
        return new ApiParams(values);
    }

    public String clientIp() {
        return clientIp;
    }

    /** The declared length of the whole body, -1 when unknown. */
    public long contentLength() {
        return contentLength;
    }

    /**
     * Reads the rest of the body after the file (a second file part is refused) and signs the caller in
     * unless that happened before the file.
     */
    public Signed<C> finish() throws IOException {
        while (!ended) {
            Optional<Part> next = form.nextFile(this::put);
            ended = next.isEmpty();
            if (next.isPresent() && fileField.equals(next.get().name())) {
                throw Refusal.badInput(ONE_FILE);
            }
        }
        if (caller == null) {
            signIn(params());
        }
        return new Signed<>(caller, params());
    }

    @Override
    public void close() {
        if (waiting != null) {
            waiting.close();
        }
    }
}
