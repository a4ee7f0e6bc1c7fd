package io.github.camelkusto.export.command;

/**
 * An export property that is refused. {@link #property()} is the property at fault (its canonical name) and
 * {@link #isAboutName()} whether its name, rather than its value, is wrong: the parser points there.
 */
public final class InvalidPropertyException extends IllegalArgumentException {
    private final String property;
    private final boolean aboutName;

    InvalidPropertyException(String message, String property, boolean aboutName) {
        super(message);
        this.property = property;
        this.aboutName = aboutName;
    }

    public String property() {
        return property;
    }

    public boolean isAboutName() {
        return aboutName;
    }
}
