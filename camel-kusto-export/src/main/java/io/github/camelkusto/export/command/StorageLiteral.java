package io.github.camelkusto.export.command;

import io.github.camelkusto.kql.syntax.SourceText;

/**
 * A storage connection string as written in a command or option, before the storage part parses it.
 * {@code where} says where it was written ("connection string 2 at line 1, column 40"); {@code source} and
 * {@code offset} are the command and the place it starts (no source for an option), from which
 * {@link #excerpt()} shows the line with a caret for error messages. {@link #toString()} never shows the value:
 * it may hold a key or SAS.
 */
public record StorageLiteral(String value, boolean obfuscated, String where, SourceText source, int offset) {

    public StorageLiteral(String value, boolean obfuscated, String where) {
        this(value, obfuscated, where, null, 0);
    }

    /**
     * The command's line with a caret under the connection string, its literals masked; empty for an option.
     * Made when an error needs it: masking scans the whole line, which every export would otherwise pay.
     */
    public String excerpt() {
        return source == null ? "" : source.excerpt(offset);
    }

    @Override
    public String toString() {
        return "StorageLiteral[" + where + "]";
    }
}
