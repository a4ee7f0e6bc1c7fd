package io.github.camelkusto.export.command;

/** {@code .show operation <id> details}: the artifact table an export operation persisted. */
public record ShowOperationDetailsCommand(String operationId) implements KustoCommand {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.showOperationDetails(this);
    }
}
