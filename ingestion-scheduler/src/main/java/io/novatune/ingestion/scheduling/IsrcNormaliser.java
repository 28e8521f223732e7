package io.novatune.ingestion.scheduling;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings an ISRC as users and catalogs write it ({@code us-rc1-23-45678}, {@code ISRC USRC12345678}) to the
 * 12 characters of ISO 3901: country (2 letters), registrant (3 alphanumerics), year (2 digits), designation
 * (5 digits).
 */
public final class IsrcNormaliser {

    private static final Pattern ISO_3901 = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");
    private static final String PREFIX = "ISRC";
    private static final int LENGTH = 12;

    private IsrcNormaliser() {
    }

    /** What became of a raw ISRC. */
    public sealed interface Result {
    }

    /** @param isrc the 12-character code */
    public record Valid(String isrc) implements Result {
    }

    public record Missing() implements Result {
    }

    /** @param raw the value as it came, for the log */
    public record Invalid(String raw) implements Result {
    }

    public static Result normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Missing();
        }
        String compact = SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        // Only a prefix in front of 12 more characters is one: "ISRC12345678" is Iceland's (IS) registrant RC1.
        if (compact.startsWith(PREFIX + ":") && compact.length() == PREFIX.length() + 1 + LENGTH) {
            compact = compact.substring(PREFIX.length() + 1);
        } else if (compact.startsWith(PREFIX) && compact.length() == PREFIX.length() + LENGTH) {
            compact = compact.substring(PREFIX.length());
        }
        return ISO_3901.matcher(compact).matches() ? new Valid(compact) : new Invalid(raw);
    }
}
