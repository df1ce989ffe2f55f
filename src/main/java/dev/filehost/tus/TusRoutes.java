package dev.filehost.tus;

import dev.filehost.account.AnonymousOwner;
import dev.filehost.account.User;
import dev.filehost.auth.AuthService;
import dev.filehost.auth.GuestGrants;
import dev.filehost.core.ErrorKind;
import dev.filehost.core.RateLimiter;
import dev.filehost.core.Refusal;
import dev.filehost.file.DownloadTokens;
import dev.filehost.file.FileLinks;
import dev.filehost.file.StoredFile;
import dev.filehost.http.CallGate;
import dev.filehost.http.ClientAddress;
import dev.filehost.http.Envelope;
import dev.filehost.http.UploadsBeforeSignIn;
import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tus 1.0 protocol under /api/v2/tus/: POST creates an upload (with or without a first body),
 * HEAD reports its offset, PATCH appends, DELETE ends it, OPTIONS tells what the server offers.
 * Callers send {@code Authorization: Bearer <access_token>}; the API's gate (site bans, maintenance) and
 * rate limits apply, and an address banned from uploading is refused every method but OPTIONS. Refusals
 * carry the API's error envelope. A visitor of the website sends a {@link GuestGrants guest grant} instead:
 * its uploads belong to the anonymous owner under the Guest package and count against its address's
 * uploads before sign-in while their bytes flow; the completed upload also names its delete link, the
 * guest's only way to remove the file.
 */
public final class TusRoutes implements WebRoutes {
    public static final String BASE = "/api/v2/tus";
    static final String VERSION = "1.0.0";
    static final String EXTENSIONS =
            "creation,creation-with-upload,creation-defer-length,termination,checksum,expiration";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    static final String FILE_ID_HEADER = "Filehost-File-Id";
    static final String FILE_URL_HEADER = "Filehost-File-Url";
    static final String FILE_DELETE_URL_HEADER = "Filehost-File-Delete-Url";
    static final String FILE_DOWNLOAD_URL_HEADER = "Filehost-File-Download-Url";
    static final String NO_BEARER = "Send the access_token from /authorize as Authorization: Bearer <access_token>.";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(TusRoutes.class);

    private final TusService service;
    private final TusAppender appender;
    private final AuthService auth;
    private final Guests guests;
    private final Envelope envelope;
    private final ClientAddress clientAddress;
    private final RateLimiter addressLimiter;
    private final RateLimiter tokenLimiter;
    private final CallGate<User> gate;
    private final FileLinks links;
    private final String publicUrl;

    /** What lets visitors in: their grants, the account that owns their uploads, and the address bound. */
    /** {@code downloads}: a guest, who has no API call to ask for one, gets the direct link with the upload. */
    public record Guests(GuestGrants grants, AnonymousOwner owner, UploadsBeforeSignIn bound,
                         DownloadTokens downloads) {
    }

    TusRoutes(TusService service, TusAppender appender, AuthService auth, Guests guests, Envelope envelope,
              ClientAddress clientAddress, RateLimiter addressLimiter, RateLimiter tokenLimiter, CallGate<User> gate,
              FileLinks links, String publicUrl) {
        this.service = service;
        this.appender = appender;
        this.auth = auth;
        this.guests = guests;
        this.envelope = envelope;
        this.clientAddress = clientAddress;
        this.addressLimiter = addressLimiter;
        this.tokenLimiter = tokenLimiter;
        this.gate = gate;
        this.links = links;
        this.publicUrl = publicUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        for (String path : List.of(BASE, BASE + "/")) {
            routes.addHttpHandler(HandlerType.POST, path, ctx -> handle(ctx, null));
            routes.addHttpHandler(HandlerType.OPTIONS, path, ctx -> handle(ctx, null));
        }
        for (HandlerType method : List.of(HandlerType.HEAD, HandlerType.PATCH, HandlerType.DELETE, HandlerType.POST,
                HandlerType.OPTIONS, HandlerType.GET)) {
            routes.addHttpHandler(method, BASE + "/{id}", ctx -> handle(ctx, ctx.pathParam("id")));
        }
    }

    private void handle(Context ctx, String id) {
        ctx.header("Tus-Resumable", VERSION);
        ctx.header("Cache-Control", "no-store");
        try {
            String method = methodOf(ctx);
            if (method.equals("OPTIONS")) {
                options(ctx);
                return;
            }
            if (!VERSION.equals(ctx.header("Tus-Resumable"))) {
                ctx.header("Tus-Version", VERSION);
                throw TusFailure.PRECONDITION_FAILED.because("Send Tus-Resumable: " + VERSION + ".");
            }
            TusCaller caller = signIn(ctx);
            switch (id == null ? method + " creation" : method) {
                case "POST creation" -> create(ctx, caller);
                case "HEAD" -> head(ctx, caller, id);
                case "PATCH" -> patch(ctx, caller, id);
                case "DELETE" -> terminate(ctx, caller, id);
                default -> throw new Refusal(ErrorKind.METHOD_NOT_ALLOWED, "Use " + (id == null
                        ? "POST or OPTIONS" : "HEAD, PATCH, DELETE or OPTIONS") + " here.");
            }
        } catch (TusFailure.TusException e) {
            error(ctx, e.status(), e.getMessage());
        } catch (Refusal e) {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            error(ctx, e.kind().httpStatus(true), e.getMessage());
        } catch (IOException e) {
            log.debug("Resumable upload {} stopped: {}", id, e.getMessage());
            error(ctx, 400, "The upload was interrupted; HEAD tells the bytes kept.");
        } catch (RuntimeException e) {
            log.error("Resumable upload request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "The server could not complete the request. Please try again later.");
        }
    }

    /** Clients that cannot send PATCH or DELETE send POST with X-HTTP-Method-Override. */
    private static String methodOf(Context ctx) {
        String override = ctx.header("X-HTTP-Method-Override");
        String method = ctx.method().name();
        return method.equals("POST") && override != null && !override.isBlank()
                ? override.trim().toUpperCase(Locale.ROOT) : method;
    }

    private void options(Context ctx) {
        ctx.header("Tus-Version", VERSION);
        ctx.header("Tus-Extension", EXTENSIONS);
        ctx.header("Tus-Checksum-Algorithm", TusChecksum.ALGORITHMS);
        // The largest file is the caller's: told when the request says who calls.
        bearerToken(ctx).ifPresent(token -> service.maxSize(callerOf(token))
                .ifPresent(max -> ctx.header("Tus-Max-Size", Long.toString(max))));
        ctx.status(204);
    }

    private TusCaller signIn(Context ctx) {
        String ip = clientAddress.of(ctx);
        gate.enter(ip);
        service.admitAddress(ip);
        throttle(addressLimiter, ip);
        String token = bearerToken(ctx).orElseThrow(() -> new Refusal(ErrorKind.UNAUTHORIZED, NO_BEARER));
        throttle(tokenLimiter, token);
        TusCaller caller = callerOf(token);
        gate.signedIn(caller.user());
        return caller;
    }

    private TusCaller callerOf(String token) {
        if (!GuestGrants.isGrant(token)) {
            return TusCaller.account(auth.authenticateBearer(token));
        }
        return new TusCaller(guests.owner().account(), guests.grants().live(token));
    }

    /** While a guest's bytes flow, one of its address's uploads before sign-in; null for an account. */
    private UploadsBeforeSignIn.Held flowing(TusCaller caller, Context ctx) {
        return caller.isGuest() ? guests.bound().admitGuest(clientAddress.of(ctx)) : null;
    }

    private static Optional<String> bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    private static void throttle(RateLimiter limiter, String key) {
        long wait = limiter.acquire(key);
        if (wait > 0) {
            throw Refusal.rateLimited(wait);
        }
    }

    private void create(Context ctx, TusCaller caller) throws IOException {
        Long length = TusHeaders.length(ctx.header("Upload-Length"), ctx.header("Upload-Defer-Length"));
        TusUpload upload = service.create(caller, clientAddress.of(ctx), length,
                TusMetadata.parse(ctx.header("Upload-Metadata")));
        ctx.header("Location", publicUrl + BASE + "/" + upload.id());
        ctx.header("Upload-Expires", HTTP_DATE.format(Instant.ofEpochMilli(upload.expiresAt())));
        if (TusHeaders.isOffsetOctetStream(ctx.contentType())) {
            // creation-with-upload: the body is the first PATCH.
            try (UploadsBeforeSignIn.Held held = flowing(caller, ctx)) {
                TusAppender.Appended appended = appender.append(caller, clientAddress.of(ctx), upload.id(),
                        TusHeaders.creationPatch(ctx), ctx.req().getInputStream());
                describeProgress(ctx, caller, appended.upload(), appended.file());
            }
        }
        ctx.status(201);
    }

    private void head(Context ctx, TusCaller caller, String id) {
        TusUpload upload = service.status(caller, id);
        ctx.header("Upload-Offset", Long.toString(upload.offset()));
        if (upload.lengthKnown()) {
            ctx.header("Upload-Length", Long.toString(upload.length()));
        } else {
            ctx.header("Upload-Defer-Length", "1");
        }
        if (!upload.metadata().isEmpty()) {
            ctx.header("Upload-Metadata", upload.metadata());
        }
        describeProgress(ctx, caller, upload, service.fileOf(upload));
        ctx.status(200);
    }

    private void patch(Context ctx, TusCaller caller, String id) throws IOException {
        if (!TusHeaders.isOffsetOctetStream(ctx.contentType())) {
            throw TusFailure.UNSUPPORTED_MEDIA_TYPE.because("Send the body as " + OFFSET_OCTET_STREAM + ".");
        }
        try (UploadsBeforeSignIn.Held held = flowing(caller, ctx)) {
            TusAppender.Appended appended = appender.append(caller, clientAddress.of(ctx), id, TusHeaders.patch(ctx),
                    ctx.req().getInputStream());
            describeProgress(ctx, caller, appended.upload(), appended.file());
        }
        ctx.status(204);
    }

    private void terminate(Context ctx, TusCaller caller, String id) {
        service.terminate(caller, id);
        ctx.status(204);
    }

    /** The offset and expiry of an upload; once complete, the file it became (a guest's: its delete and direct links). */
    private void describeProgress(Context ctx, TusCaller caller, TusUpload upload, Optional<StoredFile> file) {
        ctx.header("Upload-Offset", Long.toString(upload.offset()));
        if (!upload.isComplete()) {
            ctx.header("Upload-Expires", HTTP_DATE.format(Instant.ofEpochMilli(upload.expiresAt())));
        }
        file.ifPresent(done -> {
            ctx.header(FILE_ID_HEADER, Long.toString(done.id()));
            ctx.header(FILE_URL_HEADER, links.page(done));
            if (caller.isGuest()) {
                ctx.header(FILE_DELETE_URL_HEADER, links.delete(done));
                String ip = clientAddress.of(ctx);
                ctx.header(FILE_DOWNLOAD_URL_HEADER,
                        links.download(done, guests.downloads().issue(done, done.userId(), ip, Duration.ZERO)));
            }
        });
    }

    private void error(Context ctx, int status, String message) {
        ctx.status(status).contentType("application/json");
        if (ctx.method() == HandlerType.HEAD) {
            return;
        }
        try {
            ctx.outputStream().write(envelope.error(message));
        } catch (IOException e) {
            log.debug("Client went away before the answer to {} was sent: {}", ctx.path(), e.getMessage());
        }
    }
}
