package io.github.camelkusto.export.storage;

import io.github.camelkusto.kql.KustoException;

/** A storage target that cannot be used or written: the message names the target with its secret masked. */
public class StorageException extends KustoException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
