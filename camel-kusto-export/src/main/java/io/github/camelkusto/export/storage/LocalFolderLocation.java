package io.github.camelkusto.export.storage;

import java.nio.file.Path;

/** A folder of the local file system ({@code file:///abs/path} or a plain path). */
public record LocalFolderLocation(Path folder) implements StorageLocation {
    @Override
    public String toString() {
        return folder.toString();
    }
}
