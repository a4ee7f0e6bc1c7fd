package io.github.camelkusto.export.storage;

import java.net.ConnectException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a storage request or file operation failed, in words: the JDK's exceptions often carry no message
 * ({@code ClosedChannelException: null}) or only a path ({@code AccessDeniedException: /x}). Callers say what
 * failed and where; this says why, and names the exception type so it can be looked up.
 */
public final class Failures {
    private Failures() {
    }

    public static String why(Throwable failure) {
        String type = failure.getClass().getSimpleName();
        if (failure instanceof FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason() : reason(fs);
            String file = fs.getFile() == null ? "" : fs.getFile() + ": ";
            String other = fs.getOtherFile() == null ? "" : " (to " + fs.getOtherFile() + ")";
            return file + reason + other + " (" + type + ")";
        }
        if (failure instanceof ConnectException) {
            return "the connection was refused or could not be made (" + type
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")";
        }
        if (failure instanceof ClosedByInterruptException) {
            return "interrupted, the export was stopped (" + type + ")";
        }
        if (failure instanceof ClosedChannelException) {
            return "the connection or file was closed before the request finished (" + type + ")";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists and is not a folder";
        }
        if (e instanceof NotDirectoryException) {
            return "is not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a folder that is not empty";
        }
        return "failed";
    }
}
