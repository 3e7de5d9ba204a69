package vn.dvk.exchange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.shared.DomainException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Files sent for import, kept in the database between the preview and the confirmation so that any
 * node can confirm; each user sees only their own, and files older than a day are removed.
 */
@Component
class ImportUploads {

    private static final Duration KEPT = Duration.ofDays(1);

    record Upload(String id, long userId, String fileName, Integer year, byte[] content, Exchange.What what) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ImportUploads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String keep(long userId, String fileName, Integer year, byte[] content, Exchange.What what) {
        jdbc.update("delete from import_upload where created_at < ?", Timestamp.from(clock.instant().minus(KEPT)));
        String id = UUID.randomUUID().toString();
        String name = fileName == null || fileName.isBlank() ? "tep-nhap" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        jdbc.update("insert into import_upload (id, user_id, file_name, import_year, content, created_at, what)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", id, userId, name.length() > 200 ? name.substring(0, 200) : name, year, content,
                Timestamp.from(clock.instant()), what.name());
        return id;
    }

    Upload get(String id, long userId) {
        List<Upload> found = jdbc.query("select id, user_id, file_name, import_year, content, what from import_upload"
                        + " where id = ? and user_id = ?",
                (rs, n) -> new Upload(rs.getString(1), rs.getLong(2), rs.getString(3), (Integer) rs.getObject(4, Integer.class),
                        rs.getBytes(5), Exchange.What.valueOf(rs.getString(6))), id, userId);
        if (found.isEmpty()) {
            throw DomainException.notFound("import.upload.notFound", id);
        }
        return found.get(0);
    }

    void keepRejected(String id, byte[] workbook) {
        jdbc.update("update import_upload set rejected = ? where id = ?", workbook, id);
    }

    byte[] rejected(String id, long userId) {
        List<byte[]> found = jdbc.query("select rejected from import_upload where id = ? and user_id = ? and rejected is not null",
                (rs, n) -> rs.getBytes(1), id, userId);
        if (found.isEmpty()) {
            throw DomainException.notFound("import.upload.notFound", id);
        }
        return found.get(0);
    }
}
