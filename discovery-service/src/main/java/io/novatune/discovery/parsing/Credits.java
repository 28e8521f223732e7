package io.novatune.discovery.parsing;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Splits an artist credit ({@code A & B feat. C}, {@code A vs. B}, {@code A pres. B}, {@code A x B}) into names. */
public final class Credits {

    private static final Pattern JOINERS = Pattern.compile(
            "\\s+(?:&|and|vs\\.?|feat\\.?|ft\\.?|featuring|pres\\.?|presents|x|with|,)\\s+|\\s*,\\s+",
            Pattern.CASE_INSENSITIVE);

    private Credits() {
    }

    public static List<String> split(String credit) {
        if (credit == null || credit.isBlank()) {
            return List.of();
        }
        return Arrays.stream(JOINERS.split(credit.strip())).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
