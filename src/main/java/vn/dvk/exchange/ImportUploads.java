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

    record Upload(String id, long userId, String fileName, Integer year, byte[] content, Exchange.What what,
                  ColumnMapping.Choice mapping) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ImportUploads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String keep(long userId, String fileName, Integer year, byte[] content, Exchange.What what) {
        return keep(userId, fileName, year, content, what, null);
    }

    String keep(long userId, String fileName, Integer year, byte[] content, Exchange.What what, ColumnMapping.Choice mapping) {
        jdbc.update("delete from import_upload where created_at < ?", Timestamp.from(clock.instant().minus(KEPT)));
        String id = UUID.randomUUID().toString();
        String name = fileName == null || fileName.isBlank() ? "tep-nhap" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        jdbc.update("insert into import_upload (id, user_id, file_name, import_year, content, created_at, what, mapping)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, userId, name.length() > 200 ? name.substring(0, 200) : name, year, content,
                Timestamp.from(clock.instant()), what.name(), ColumnMapping.json(mapping));
        return id;
    }

    Upload get(String id, long userId) {
        List<Upload> found = jdbc.query("select id, user_id, file_name, import_year, content, what, mapping from import_upload"
                        + " where id = ? and user_id = ?",
                (rs, n) -> new Upload(rs.getString(1), rs.getLong(2), rs.getString(3), (Integer) rs.getObject(4, Integer.class),
                        rs.getBytes(5), Exchange.What.valueOf(rs.getString(6)), ColumnMapping.parse(rs.getString(7))), id, userId);
        if (found.isEmpty()) {
            throw DomainException.notFound("import.upload.notFound", id);
        }
        return found.get(0);
    }

    /** The mapping the officer chose for a kept file: confirming reads the file the same way. */
    void map(String id, long userId, ColumnMapping.Choice mapping) {
        String json = ColumnMapping.json(mapping);
        if (json != null && json.length() > 20_000) {
            throw DomainException.invalid("import.mapping.tooLong");
        }
        if (jdbc.update("update import_upload set mapping = ? where id = ? and user_id = ?", json, id, userId) == 0) {
            throw DomainException.notFound("import.upload.notFound", id);
        }
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
