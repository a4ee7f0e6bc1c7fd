package io.github.camelkusto.export.command;

import java.util.Optional;

/**
 * {@code .create | .alter | .create-or-alter | .drop external table T ...}, {@code .show external tables} and
 * {@code .show external table T schema}. {@code definition} is present for the three defining verbs; {@code ifExists}
 * (drop only) makes dropping a missing table no error.
 */
public record ExternalTableCommand(Verb verb, Optional<String> table, Optional<ExternalTableDefinition> definition,
        boolean ifExists) implements KustoCommand {

    public enum Verb {
        CREATE, ALTER, CREATE_OR_ALTER, DROP, SHOW_ALL, SHOW_SCHEMA
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.externalTable(this);
    }

    @Override
    public String toString() {
        return verb + " external table" + table.map(t -> " " + t).orElse("");
    }
}
