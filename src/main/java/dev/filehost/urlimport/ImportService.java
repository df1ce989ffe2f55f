package dev.filehost.urlimport;

import dev.filehost.ban.BanScope;
import dev.filehost.ban.Bans;
import dev.filehost.core.Ids;
import dev.filehost.core.Refusal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/** Queues URL imports for their owners and answers for them; the work is the workers'. */
public final class ImportService {
    public static final String NOT_BASE64 = "Could not parse the file_url_base64 parameter. Ensure it's base64 encoded.";
    public static final String ITEM_NOT_FOUND = "Could not find scheduled item based on scheduled_item_id.";
    static final String PRIVATE_ADDRESS = "The URL points to an address private to the server's network.";

    private final ImportRepository repository;
    private final AddressPolicy addresses;
    private final ImportWorkers workers;
    private final Clock clock;
    private final Bans bans;

    public ImportService(ImportRepository repository, AddressPolicy addresses, ImportWorkers workers, Clock clock,
                         Bans bans) {
        this.bans = bans;
        this.repository = repository;
        this.addresses = addresses;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * Decodes and checks the URL, then queues it (once per unfinished URL and account); an address banned from
     * uploading may not queue one. The worker fetches later, with no address to check.
     */
    public ImportItem add(long userId, Long folderId, String urlBase64, String ip) {
        bans.refuse(ip, BanScope.UPLOAD);
        String url = decode(urlBase64);
        URI uri;
        try {
            uri = UrlRules.parse(url);
        } catch (ImportFailure e) {
            throw Refusal.badInput(e.getMessage());
        }
        refuseLiteralPrivateAddress(uri);
        ImportItem item = repository.add(userId, folderId, uri.toString(), clock.millis());
        workers.wake();
        return item;
    }

    /** Spares the queue a URL whose host is already a private address; names are checked at connect time. */
    private void refuseLiteralPrivateAddress(URI uri) {
        String host = uri.getHost();
        boolean literal = host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (!literal) {
            return;
        }
        try {
            if (!addresses.allows(InetAddress.getByName(host))) {
                throw Refusal.badInput(PRIVATE_ADDRESS);
            }
        } catch (UnknownHostException e) {
            throw Refusal.badInput(UrlRules.INVALID);
        }
    }

    private static String decode(String urlBase64) {
        String compact = urlBase64.replaceAll("\\s", "");
        try {
            byte[] bytes = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact) : Base64.getDecoder().decode(compact);
            String url = new String(bytes, StandardCharsets.UTF_8).strip();
            if (url.isEmpty() || url.contains("\uFFFD")) {
                throw new IllegalArgumentException("not UTF-8 text");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw Refusal.badInput(NOT_BASE64);
        }
    }

    /** The caller's item named by a scheduled_item_id parameter. */
    public ImportItem owned(long userId, String rawId) {
        return Ids.parse(rawId).flatMap(repository::find)
                .filter(item -> item.userId() == userId)
                .orElseThrow(() -> Refusal.notFound(ITEM_NOT_FOUND));
    }

    /** The URLs waiting in the queue all nodes share. */
    public long pending() {
        return repository.countPending();
    }

    /** The newest items; every status when {@code status} is null. */
    public List<ImportItem> recent(ImportStatus status, int limit) {
        return repository.listRecent(status, limit);
    }

    public boolean cancel(long id) {
        return repository.cancel(id, clock.millis());
    }
}
