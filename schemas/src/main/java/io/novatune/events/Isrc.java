package io.novatune.events;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An International Standard Recording Code (ISO 3901) in its 12 characters: country (2 letters), registrant
 * (3 alphanumerics), year (2 digits), designation (5 digits). Every service that reads ISRCs accepts the same
 * spellings ({@link #SPELLING}) and keys by the same 12 characters.
 *
 * @param code the 12 characters, upper case, no separators
 */
public record Isrc(String code) {

    /**
     * The spellings users and catalogs write: any case, an optional {@code ISRC} prefix (with {@code :}, a space or
     * a hyphen after it, or nothing), spaces or hyphens between the four parts, blanks around. Usable as a Bean
     * Validation {@code @Pattern}. Only a prefix followed by 12 more characters is one: {@code ISRC12345678} is
     * Iceland's (IS) registrant RC1.
     */
    public static final String SPELLING =
            "(?i)\\s*(?:ISRC[:\\s-]*)?([A-Z]{2})[\\s-]*([A-Z0-9]{3})[\\s-]*([0-9]{2})[\\s-]*([0-9]{5})\\s*";

    private static final Pattern SPELLED = Pattern.compile(SPELLING);
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");

    public Isrc {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not an ISO 3901 code of 12 characters: " + code);
        }
    }

    /** The ISRC in any accepted spelling; empty for anything else, null and blank included. */
    public static Optional<Isrc> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher spelled = SPELLED.matcher(raw);
        if (!spelled.matches()) {
            return Optional.empty();
        }
        String code = spelled.group(1) + spelled.group(2) + spelled.group(3) + spelled.group(4);
        return Optional.of(new Isrc(code.toUpperCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return code;
    }
}
