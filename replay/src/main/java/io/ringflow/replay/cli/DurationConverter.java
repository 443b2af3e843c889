package io.ringflow.replay.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration as people write it on a command line: {@code 500ms}, {@code 10s}, {@code 2m},
 * {@code 1h}, or ISO-8601 ({@code PT1M30S}).
 * <p>
 * Threading: stateless.
 */
final class DurationConverter implements ITypeConverter<Duration>
{
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(final String value)
    {
        final Matcher matcher = SHORT.matcher(value.trim());
        if (matcher.matches())
        {
            final long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2))
            {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                default:
                    return Duration.ofHours(amount);
            }
        }
        try
        {
            final Duration duration = Duration.parse(value.trim());
            if (duration.isNegative())
            {
                throw new TypeConversionException("'" + value + "' is negative");
            }
            return duration;
        }
        catch (final DateTimeParseException ex)
        {
            throw new TypeConversionException("'" + value + "' is not a duration: write e.g. 500ms, 10s, 2m, 1h " +
                "or PT1M30S");
        }
    }
}
