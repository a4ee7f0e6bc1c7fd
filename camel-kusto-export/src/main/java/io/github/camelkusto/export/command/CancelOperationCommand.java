package io.github.camelkusto.export.command;

import java.util.Optional;

/** {@code .cancel operation <id> [with (reason = '...')]}. */
public record CancelOperationCommand(String operationId, Optional<String> reason) implements KustoCommand {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.cancelOperation(this);
    }
}
