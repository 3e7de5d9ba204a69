package vn.dvk.document;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.Inserts;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The register of the documents an organisation issues: each takes the next number of the
 * organisation's counter of the year (or one the officer types, if still free) and is kept exactly as
 * issued, both its .docx and its .pdf, to download again later.
 */
@Service
@Transactional(readOnly = true)
public class IssuedDocuments {

    /** The files of a document laid out with its number. */
    public record Files(byte[] docx, byte[] pdf) {
    }

    /** What to issue: the kind ("REPORT"), its type code in the number ("BC"), date, title and file name stem. */
    public record Issue(long organisationId, String kind, String typeCode, Integer number, LocalDate date, String title,
                        String fileStem) {
    }

    /** Lays the document out once its number and date are known. */
    @FunctionalInterface
    public interface Layout {
        Files render(int number, LocalDate date);
    }

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    IssuedDocuments(JdbcTemplate jdbc, Organisations organisations, org.springframework.context.ApplicationEventPublisher events,
                    Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** The number the next document of the organisation would take in the year. */
    public int nextNumber(long organisationId, int year) {
        organisations.get(organisationId);
        List<Integer> last = jdbc.queryForList("select last_number from document_counter where organisation_id = ? and doc_year = ?",
                Integer.class, organisationId, year);
        return last.isEmpty() ? 1 : last.get(0) + 1;
    }

    @Transactional
    public IssuedDocumentView issue(Issue issue, DocumentSettingsView settings, Layout layout) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        organisations.get(issue.organisationId());
        LocalDate date = issue.date() == null ? LocalDate.now(clock) : issue.date();
        int year = date.getYear();
        int next = nextNumber(issue.organisationId(), year);
        int number = issue.number() == null ? next : issue.number();
        if (number < 1 || number > 99999) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("number", "document.numberInvalid")),
                    "error.validation");
        }
        Integer taken = jdbc.queryForObject("select count(*) from issued_document where organisation_id = ? and doc_year = ?"
                + " and doc_number = ?", Integer.class, issue.organisationId(), year, number);
        if (taken != null && taken > 0) {
            throw DomainException.conflict("document.numberTaken", number, year);
        }
        Files files = layout.render(number, date);
        String numberText = settings.number(number, issue.typeCode());
        long id;
        try {
            id = Inserts.returningId(jdbc, "insert into issued_document (organisation_id, kind, doc_year, doc_number, number_text,"
                            + " issued_on, title, file_stem, docx, pdf, issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    issue.organisationId(), issue.kind(), year, number, numberText, date, issue.title(), issue.fileStem(), files.docx(),
                    files.pdf(), user.getUsername(), OffsetDateTime.now(clock));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another officer issued with the same number a moment ago
            throw DomainException.conflict("document.numberTaken", number, year);
        }
        if (jdbc.update("update document_counter set last_number = greatest(last_number, ?) where organisation_id = ? and doc_year = ?",
                number, issue.organisationId(), year) == 0) {
            jdbc.update("insert into document_counter (organisation_id, doc_year, last_number) values (?, ?, ?)",
                    issue.organisationId(), year, number);
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "ISSUED_DOCUMENT", id, null, numberText + " " + issue.title()));
        return get(id);
    }

    /** The documents the organisation issued in the year (every year without one), newest number first. */
    public List<IssuedDocumentView> of(long organisationId, Integer year) {
        organisations.get(organisationId);
        if (year == null) {
            return jdbc.query("select " + COLUMNS + " from issued_document where organisation_id = ?"
                    + " order by doc_year desc, doc_number desc", (rs, n) -> view(rs), organisationId);
        }
        return jdbc.query("select " + COLUMNS + " from issued_document where organisation_id = ? and doc_year = ?"
                + " order by doc_number desc", (rs, n) -> view(rs), organisationId, year);
    }

    public IssuedDocumentView get(long id) {
        List<IssuedDocumentView> found = jdbc.query("select " + COLUMNS + " from issued_document where id = ?", (rs, n) -> view(rs), id);
        if (found.isEmpty() || organisations.find(found.get(0).organisationId()).isEmpty()) {
            throw DomainException.notFound("document.notFound", id);
        }
        return found.get(0);
    }

    /** The file exactly as issued: "docx" or "pdf". */
    public byte[] file(long id, String format) {
        get(id);
        return jdbc.queryForObject("select " + ("pdf".equals(format) ? "pdf" : "docx") + " from issued_document where id = ?",
                byte[].class, id);
    }

    private static final String COLUMNS = "id, organisation_id, kind, doc_year, doc_number, number_text, issued_on, title,"
            + " file_stem, issued_by";

    private static IssuedDocumentView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new IssuedDocumentView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("kind"), rs.getInt("doc_year"),
                rs.getInt("doc_number"), rs.getString("number_text"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("title"), rs.getString("file_stem"), rs.getString("issued_by"));
    }
}
