package io.github.camelkusto.export.command;

import java.util.List;

/** {@code .show operations}, {@code .show operations <id>} or {@code .show operations (<id>, ...)}. */
public record ShowOperationsCommand(List<String> operationIds) implements KustoCommand {
    public ShowOperationsCommand {
        operationIds = List.copyOf(operationIds);
    }

    /** Whether every operation is asked for (no id given). */
    public boolean all() {
        return operationIds.isEmpty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.showOperations(this);
    }
}
