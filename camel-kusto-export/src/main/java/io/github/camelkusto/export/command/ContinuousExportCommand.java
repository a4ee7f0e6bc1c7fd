package io.github.camelkusto.export.command;

import java.util.Optional;

/**
 * The continuous export commands: {@code .create-or-alter continuous-export Name ...} (with its
 * {@code definition}), {@code .show continuous-exports}, {@code .show continuous-export Name [exported-artifacts |
 * failures]}, {@code .enable | .disable | .drop continuous-export Name}.
 */
public record ContinuousExportCommand(Verb verb, Optional<String> name, Optional<ContinuousExportDefinition> definition)
        implements KustoCommand {

    public enum Verb {
        CREATE_OR_ALTER, SHOW_ALL, SHOW, SHOW_ARTIFACTS, SHOW_FAILURES, ENABLE, DISABLE, DROP
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.continuousExport(this);
    }

    @Override
    public String toString() {
        return verb + " continuous-export" + name.map(n -> " " + n).orElse("");
    }
}
