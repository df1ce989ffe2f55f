package dev.filehost.web;

import dev.filehost.file.FileLinks;
import dev.filehost.file.StoredFile;
import dev.filehost.http.ApiDates;

/** Builds the {@link FileSummary} of a file: sizes for people, dates as the API writes them, its links. */
public final class FileSummaries {
    private final FileLinks links;
    private final ApiDates dates;

    public FileSummaries(FileLinks links, ApiDates dates) {
        this.links = links;
        this.dates = dates;
    }

    FileSummary of(StoredFile file) {
        String human = ByteSizes.human(file.size());
        String exact = ByteSizes.exact(file.size());
        return new FileSummary(file.name(), human, human.equals(exact) ? null : exact,
                file.mimeType(), dates.format(file.createdAt()), file.downloads(), links.page(file),
                links.longPage(file), links.info(file), links.stats(file));
    }
}
