package dev.filehost.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A length of time as an operator types it: a whole number and m (minutes), h, d or w, e.g. {@code 7d}. */
final class AgeConverter implements ITypeConverter<Duration> {
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([mhdw])");

    @Override
    public Duration convert(String value) {
        Matcher matcher = AGE.matcher(value.strip());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a time such as 30m, 12h, 7d or 2w");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }
}
