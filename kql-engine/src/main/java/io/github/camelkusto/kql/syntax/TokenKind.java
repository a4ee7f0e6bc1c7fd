package io.github.camelkusto.kql.syntax;

public enum TokenKind {
    IDENTIFIER,
    /** An integer literal; its value is a Long. */
    LONG,
    /** A real literal; its value is a Double. */
    REAL,
    /** A string literal; its value is the decoded String. */
    STRING,
    /** {@code datetime(...)}, {@code guid(...)}, {@code timespan(...)}, ...: the raw text inside the parentheses. */
    TYPED_LITERAL,
    /** Punctuation and operators: {@code ( ) [ ] , ; | <| = == ...}. */
    SYMBOL,
    END
}
