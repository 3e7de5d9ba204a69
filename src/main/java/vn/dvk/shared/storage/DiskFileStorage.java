package vn.dvk.shared.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Files on disk under dvk.storage.dir (default ./data/files), two levels of folders by key prefix. A file
 * is written under a temporary name and renamed when complete, so a reader never sees half a file. Below
 * dvk.storage.min-free (default 200MB) of usable space no file is accepted: the disk keeps room for the
 * database, the logs and the files already being written, and a full disk answers with a clear refusal
 * ({@link StorageFullException}) instead of failing somewhere else.
 */
@Component
public class DiskFileStorage implements FileStorage {

    private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9-]{8,80}");

    private final Path root;
    private final long minFree;

    public DiskFileStorage(@Value("${dvk.storage.dir:./data/files}") Path root,
                           @Value("${dvk.storage.min-free:200MB}") DataSize minFree) {
        this.root = root.toAbsolutePath().normalize();
        this.minFree = minFree.toBytes();
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        Path file = path(key);
        requireRoom(null);
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "upload-", ".part");
            Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (temporary != null) {
                // before measuring, so that the space the partial file took counts as free again
                Files.deleteIfExists(temporary);
            }
            requireRoom(e);
            throw e;
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Refuses when the store's disk has less usable space than the minimum, or when a write failed for want of
     * space (ENOSPC reaches Java only as the message of a plain IOException).
     */
    private void requireRoom(IOException failure) throws IOException {
        long usable = usableSpace();
        if (usable < minFree || failure != null && String.valueOf(failure.getMessage()).contains("No space left")) {
            throw new StorageFullException("attachment store " + root + ": " + usable + " bytes usable, "
                    + minFree + " kept free", failure);
        }
    }

    private long usableSpace() throws IOException {
        Path existing = root;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("unsafe storage key");
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
