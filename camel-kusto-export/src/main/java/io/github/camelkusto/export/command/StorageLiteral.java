package io.github.camelkusto.export.command;

/**
 * A storage connection string as written in a command or option, before the storage part parses it.
 * {@code where} says where it was written ("connection string 2 at line 1, column 40") and {@code excerpt} shows
 * the line with a caret, the connection string masked (empty for an option), for error messages.
 * {@link #toString()} never shows the value: it may hold a key or SAS.
 */
public record StorageLiteral(String value, boolean obfuscated, String where, String excerpt) {

    public StorageLiteral(String value, boolean obfuscated, String where) {
        this(value, obfuscated, where, "");
    }

    @Override
    public String toString() {
        return "StorageLiteral[" + where + "]";
    }
}
