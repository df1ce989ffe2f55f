package dev.filehost.config;

import java.time.DateTimeException;
import java.util.function.Function;
import java.util.function.Predicate;

/** Turns a setting's text into its value, or throws {@link BadValue} with the problem ("must be ..."). */
@FunctionalInterface
interface ValueParser<T> {
    T parse(String text);

    /** A parser from a function that throws {@link IllegalArgumentException} (or a date-time error) on bad text. */
    static <T> ValueParser<T> of(Function<String, T> parser, String problem) {
        return text -> {
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new BadValue(problem);
            }
        };
    }

    default ValueParser<T> check(Predicate<T> valid, String problem) {
        return text -> {
            T value = parse(text);
            if (!valid.test(value)) {
                throw new BadValue(problem);
            }
            return value;
        };
    }

    default <R> ValueParser<R> map(Function<T, R> conversion) {
        return text -> conversion.apply(parse(text));
    }

    /** What is wrong with a value; {@link SettingReader} adds the setting's name and the value. */
    final class BadValue extends RuntimeException {
        BadValue(String problem) {
            super(problem, null, false, false);
        }
    }
}
