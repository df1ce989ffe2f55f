package dev.filehost.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as the API writes them: "Y-m-d H:i:s" in the operator's time zone. */
public final class ApiDates {
    private final DateTimeFormatter format;
    private final Clock clock;

    public ApiDates(ZoneId zone, Clock clock) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        this.clock = clock;
    }

    public String now() {
        return format.format(clock.instant());
    }

    /** Null stays null: the API shows absent dates as null. */
    public String format(Long epochMillis) {
        return epochMillis == null ? null : format.format(Instant.ofEpochMilli(epochMillis));
    }
}
