package vn.dvk.shared.storage;

import org.slf4j.LoggerFactory;
import vn.dvk.shared.DomainException;

import java.io.IOException;

/**
 * The attachment store has no room for a file (less free space than dvk.storage.min-free, or the disk
 * filled while writing). Nothing of the file was kept; the caller refuses the upload naming the file.
 */
public class StorageFullException extends IOException {

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The user's refusal (507, naming the file), logged with the store's figures for the administrator. */
    public DomainException refusal(String fileName) {
        LoggerFactory.getLogger(StorageFullException.class).warn("Upload \"{}\" refused: {}", fileName, getMessage());
        return new DomainException(DomainException.Kind.STORAGE_FULL, "storage.full", fileName);
    }
}
