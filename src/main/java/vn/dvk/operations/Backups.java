package vn.dvk.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An online backup of the embedded H2 database and the attachment store, taken while DVK serves: H2's
 * {@code BACKUP TO} copies the database file consistently (its own snapshot, writers go on), then the
 * attachment files are zipped. Files are written before the rows that name them and never changed, so a
 * backup's files hold every attachment its database names (at worst a few more, harmless). Restore with
 * tools/restore-h2.sh while DVK is stopped.
 */
@Service
public class Backups {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final Path target;
    private final Path files;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Backups(DataSource dataSource, @Value("${dvk.backup.dir:./data/backups}") Path target,
            @Value("${dvk.storage.dir:./data/files}") Path files, Clock clock, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.target = target.toAbsolutePath().normalize();
        this.files = files.toAbsolutePath().normalize();
        this.clock = clock;
        this.events = events;
    }

    /** Where a backup went and how big it is. */
    public record Backup(String directory, long databaseBytes, long fileCount, long filesBytes) {
    }

    public Backup backUp() {
        Permissions.require(Role.ADMIN);
        Path directory = target.resolve(LocalDateTime.now(clock).format(NAME));
        Backup backup;
        try {
            backup = backUp(dataSource, files, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.EXPORT, "BACKUP", directory.getFileName().toString(), null,
                "Sao lưu cơ sở dữ liệu và tệp đính kèm"));
        return backup;
    }

    /** The backup itself, for any H2 file database and attachment folder (also what the tests call). */
    static Backup backUp(DataSource dataSource, Path files, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path database = directory.resolve("dvk-db.zip");
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String url = connection.getMetaData().getURL();
            if (!"H2".equals(product)) {
                throw DomainException.conflict("backup.notEmbedded");
            }
            if (url.startsWith("jdbc:h2:mem:")) {
                throw DomainException.conflict("backup.inMemory");
            }
            new JdbcTemplate(dataSource).execute("BACKUP TO '" + database.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long[] counted = zip(files, directory.resolve("files.zip"));
        return new Backup(directory.toString(), Files.size(database), counted[0], counted[1]);
    }

    private static long[] zip(Path root, Path zip) throws IOException {
        long count = 0;
        long bytes = 0;
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
            if (Files.isDirectory(root)) {
                List<Path> all;
                try (Stream<Path> walk = Files.walk(root)) {
                    all = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".part")).sorted().toList();
                }
                for (Path file : all) {
                    archive.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
                    bytes += Files.copy(file, archive);
                    archive.closeEntry();
                    count++;
                }
            }
        }
        return new long[] {count, bytes};
    }
}
