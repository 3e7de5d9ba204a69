package vn.dvk.shared.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded files live. The default keeps them on disk ({@link DiskFileStorage}); an
 * S3-compatible object store plugs in as another bean of this type marked {@code @Primary}.
 */
public interface FileStorage {

    /**
     * Stores the bytes under the key (a random name chosen by the caller, never a user's file name): all
     * of them or nothing. {@link StorageFullException} when there is no room for them.
     */
    void put(String key, InputStream content) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;
}
