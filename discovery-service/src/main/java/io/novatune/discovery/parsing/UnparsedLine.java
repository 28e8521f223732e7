package io.novatune.discovery.parsing;

/** A non-blank line the parser could not turn into an entry, and why. */
public record UnparsedLine(int lineNumber, String line, String reason) {
}
