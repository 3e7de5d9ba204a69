package vn.dvk.shared.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file is stored whole or not at all, and a store without room refuses before writing. */
class DiskFileStorageTests {

    @TempDir
    Path root;

    @Test
    void aWriteThatFailsMidwayLeavesNoFileNorPart() throws IOException {
        DiskFileStorage storage = new DiskFileStorage(root, DataSize.ofBytes(0));
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("No space left on device");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> storage.put("abcdef12-half-written", failing)).isInstanceOf(StorageFullException.class);
        assertThat(files()).isEmpty();

        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 1000) {
                    throw new IOException("connection reset");
                }
                return 'y';
            }
        };
        assertThatThrownBy(() -> storage.put("abcdef12-reset-midway", broken))
                .isInstanceOf(IOException.class).isNotInstanceOf(StorageFullException.class);
        assertThat(files()).isEmpty();

        storage.put("abcdef12-whole", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertThat(files()).hasSize(1);
        try (InputStream in = storage.open("abcdef12-whole")) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void belowTheMinimumFreeSpaceNothingIsWritten() throws IOException {
        long usable = Files.getFileStore(root).getUsableSpace();
        DiskFileStorage storage = new DiskFileStorage(root.resolve("files"), DataSize.ofBytes(usable + DataSize.ofGigabytes(1).toBytes()));
        assertThatThrownBy(() -> storage.put("abcdef12-no-room", new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(StorageFullException.class).hasMessageContaining("kept free");
        assertThat(files()).isEmpty();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
