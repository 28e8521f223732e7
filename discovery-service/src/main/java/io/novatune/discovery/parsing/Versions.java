package io.novatune.discovery.parsing;

import java.util.regex.Pattern;

/**
 * What a trailing parenthetical is: a version only when it names one (Mix, Remix, Edit, Dub, …), a catalog number when it
 * looks like one, otherwise a label or a note. The usual "last parenthesis = remix" rule is wrong on many real lists.
 */
final class Versions {

    private static final Pattern VERSION_WORD = Pattern.compile(
            "\\b(?:mix|remix|rmx|edit|re-?edit|dub|version|rework|re-?work|vip|bootleg|acapella|a\\s?cappella|instrumental|"
                    + "loop|mashup|flip|refix|remaster(?:ed)?|extended|radio|club|original|live|intro|outro|reprise|"
                    + "interpretation|cover|rerub|re-?rub|beats|tool|version)\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern CATALOG_NUMBER = Pattern.compile("[A-Z][A-Z0-9]{1,9}[ -]?\\d{1,6}[A-Z]{0,3}");

    private Versions() {
    }

    static boolean namesVersion(String parenthetical) {
        return VERSION_WORD.matcher(parenthetical).find();
    }

    static boolean isCatalogNumber(String text) {
        return CATALOG_NUMBER.matcher(text.strip()).matches() && text.chars().anyMatch(Character::isDigit);
    }
}
