package vn.dvk.shared.storage;

import java.io.IOException;

/**
 * The attachment store has no room for a file (less free space than dvk.storage.min-free, or the disk
 * filled while writing). Nothing of the file was kept; the caller refuses the upload naming the file.
 */
public class StorageFullException extends IOException {

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
