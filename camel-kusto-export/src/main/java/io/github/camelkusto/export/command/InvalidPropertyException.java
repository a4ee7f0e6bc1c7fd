package io.github.camelkusto.export.command;

/** An export property that is refused; {@link #isAboutName()} tells whether the name or the value is wrong. */
public final class InvalidPropertyException extends IllegalArgumentException {
    private final boolean aboutName;

    InvalidPropertyException(String message, boolean aboutName) {
        super(message);
        this.aboutName = aboutName;
    }

    public boolean isAboutName() {
        return aboutName;
    }
}
