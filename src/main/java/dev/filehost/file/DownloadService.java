package dev.filehost.file;

import dev.filehost.account.Packages;
import java.time.Clock;
import java.util.Optional;

/** Decides whether a download link may be served now, and to whom it counts. */
public final class DownloadService {
    static final String LINK_INVALID = "This download link is not valid or has expired.";
    static final String NOT_YET = "Your download will be available in a few seconds.";

    private final FileRepository files;
    private final DownloadTokens tokens;
    private final DownloadPolicy policy;
    private final Packages packages;
    private final FolderLookup folders;
    private final DownloadCounter counter;
    private final Clock clock;

    public DownloadService(FileRepository files, DownloadTokens tokens, DownloadPolicy policy, Packages packages,
                           FolderLookup folders, DownloadCounter counter, Clock clock) {
        this.files = files;
        this.tokens = tokens;
        this.policy = policy;
        this.packages = packages;
        this.folders = folders;
        this.counter = counter;
        this.clock = clock;
    }

    /** The active file a short URL names, if the public may know of it. */
    public Optional<StoredFile> publicFile(String shortUrl) {
        return activeFile(shortUrl)
                .filter(file -> file.ownFlagIsPublic() && !folders.hidesFilesIn(file.folderId()));
    }

    /** The active file a short URL names, whatever its privacy: a download link was made by its owner. */
    public Optional<StoredFile> activeFile(String shortUrl) {
        return files.findByShortUrl(shortUrl).filter(StoredFile::isActive);
    }

    /**
     * Admits a download through a link: the link must be live, past its wait, and the
     * downloader's package must allow it. Only a body from the first byte is a new download:
     * {@code offset} &gt; 0 continues one, and a HEAD ({@code headOnly}) sends nothing.
     */
    /**
     * The grant of a download link for this file, checked before anything about the file is told
     * (even that it has not changed since a date the caller names).
     *
     * @throws DownloadPolicy.Refused when the link is not valid for this file and address, or not yet
     */
    public DownloadTokenRepository.Grant redeem(StoredFile file, String token, String ip) {
        DownloadTokenRepository.Grant grant = tokens.redeem(token, file.id(), ip)
                .orElseThrow(() -> new DownloadPolicy.Refused(LINK_INVALID, 0));
        long now = clock.millis();
        if (grant.notBefore() > now) {
            throw new DownloadPolicy.Refused(NOT_YET, (grant.notBefore() - now + 999) / 1000);
        }
        return grant;
    }

    /** Lets a redeemed link's download of {@code length} bytes from {@code offset} start, or refuses it. */
    public DownloadPolicy.Permit admit(StoredFile file, DownloadTokenRepository.Grant grant, String ip, long offset,
                                       long length, boolean headOnly) {
        var who = new DownloadPolicy.Downloader(grant.userId(), ip, packages.ofVisitor(grant.userId()));
        boolean newDownload = offset == 0 && !headOnly;
        DownloadPolicy.Permit permit = policy.admit(file, who, newDownload, grant.userId() == null, length);
        if (newDownload) {
            counter.count(file, ip);
        }
        return permit;
    }

    /** A download token for a visitor of the file page, and the seconds before it works. */
    public record VisitorLink(String token, long waitSeconds) {
    }

    /** A link for a visitor of the file page, usable after the Guest package's wait. */
    public VisitorLink visitorLink(StoredFile file, String ip) {
        long wait = packages.ofVisitor(null).waitBetweenDownloads();
        return new VisitorLink(tokens.issue(file, null, ip, java.time.Duration.ofSeconds(wait)), wait);
    }
}
