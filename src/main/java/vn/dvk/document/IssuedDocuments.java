package vn.dvk.document;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.Inserts;
import vn.dvk.shared.office.SignatureReport;
import vn.dvk.shared.office.SignatureVerifier;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.storage.UploadNames;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;

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

    /** The largest signed copy kept. */
    public static final long MAX_SIGNED_BYTES = 20L * 1024 * 1024;
    private static final int MAX_SIGNATURES_JSON = 20000;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** The stored form of the signatures checked: independent of the web's JSON settings. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<SignatureReport.Item>> ITEMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignatureVerifier verifier;

    IssuedDocuments(JdbcTemplate jdbc, Organisations organisations, ApplicationEventPublisher events,
                    Clock clock, SignatureVerifier verifier) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
        this.verifier = verifier;
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
        } catch (DuplicateKeyException e) {
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

    /**
     * Keeps the copy of the document signed digitally outside DVK (the issued PDF with its signatures),
     * byte for byte, with the check of its signatures (signer, time, unchanged since signing, trust);
     * a later upload replaces it. Refused unless it is a PDF of at most 20 MB.
     */
    @Transactional
    public IssuedDocumentView attachSigned(long id, byte[] pdf, String fileName) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        IssuedDocumentView document = get(id);
        if (pdf == null || pdf.length == 0) {
            throw refused("document.signedMissing");
        }
        if (pdf.length > MAX_SIGNED_BYTES) {
            throw refused("document.signedTooLarge");
        }
        if (!isPdf(pdf)) {
            throw refused("document.signedNotPdf");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        SignatureReport report = SignatureReport.of(verifier.verify(pdf), now.toInstant());
        String name = UploadNames.clean(fileName, 255, document.fileStem() + "-da-ky-so.pdf");
        jdbc.update("update issued_document set signed_pdf = ?, signed_file_name = ?, signature_status = ?,"
                        + " signature_checked_at = ?, signed_uploaded_by = ?, signatures = ? where id = ?",
                pdf, name, report.status(), now, user.getUsername(), stored(report.items()), id);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "ISSUED_DOCUMENT", id, null,
                        document.numberText() + " " + document.title() + ": " + name)
                .withChanges(Map.of("signatureStatus", new AuditEvent.Change(document.signatureStatus(), report.status()))));
        return get(id);
    }

    /** The check of the document's signed copy, made when it was uploaded. */
    public SignatureReport signatures(long id) {
        get(id);
        return jdbc.query("select signature_status, signature_checked_at, signatures from issued_document where id = ?"
                        + " and signature_status is not null", (rs, n) -> report(rs), id).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("document.signedNone", id));
    }

    /** The checks of the signed copies of the organisation's documents, by document id (those with one only). */
    public Map<Long, SignatureReport> signaturesOf(long organisationId) {
        organisations.get(organisationId);
        Map<Long, SignatureReport> checks = new LinkedHashMap<>();
        jdbc.query("select id, signature_status, signature_checked_at, signatures from issued_document"
                        + " where organisation_id = ? and signature_status is not null",
                (RowCallbackHandler) rs -> checks.put(rs.getLong("id"), report(rs)), organisationId);
        return checks;
    }

    /** The signed copy exactly as uploaded. */
    public byte[] signedFile(long id) {
        get(id);
        return jdbc.query("select signed_pdf from issued_document where id = ? and signed_pdf is not null",
                        (rs, n) -> rs.getBytes(1), id).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("document.signedNone", id));
    }

    /**
     * The signatures as JSON that fits the column: whole when it fits (as it does for the few signatures
     * of a real document); else without the chains, then without subjects and issuers, then as many
     * signatures as fit. The status stays the one of the whole check.
     */
    static String stored(List<SignatureReport.Item> items) {
        String json = JSON.writeValueAsString(items);
        if (json.length() <= MAX_SIGNATURES_JSON) {
            return json;
        }
        List<SignatureReport.Item> shorter = items.stream().map(i -> new SignatureReport.Item(i.commonName(), i.organisation(),
                i.subject(), i.issuer(), i.serialNumber(), i.signedAt(), i.timeSigned(), i.coversWholeFile(), i.unchanged(),
                i.signatureValid(), i.certificateValidAtSigning(), List.of(), i.trust(), i.problem())).toList();
        json = JSON.writeValueAsString(shorter);
        if (json.length() <= MAX_SIGNATURES_JSON) {
            return json;
        }
        List<SignatureReport.Item> least = shorter.stream().map(i -> new SignatureReport.Item(i.commonName(), i.organisation(),
                null, null, i.serialNumber(), i.signedAt(), i.timeSigned(), i.coversWholeFile(), i.unchanged(),
                i.signatureValid(), i.certificateValidAtSigning(), List.of(), i.trust(), i.problem())).toList();
        for (int n = least.size(); n >= 0; n--) {
            json = JSON.writeValueAsString(least.subList(0, n));
            if (json.length() <= MAX_SIGNATURES_JSON) {
                return json;
            }
        }
        return "[]";
    }

    static boolean isPdf(byte[] bytes) {
        if (bytes.length < PDF_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < PDF_MAGIC.length; i++) {
            if (bytes[i] != PDF_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static DomainException refused(String key) {
        return new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("file", key)), key);
    }

    private static SignatureReport report(ResultSet rs) throws SQLException {
        OffsetDateTime checked = rs.getObject("signature_checked_at", OffsetDateTime.class);
        String json = rs.getString("signatures");
        List<SignatureReport.Item> items = json == null || json.isBlank() ? List.of() : JSON.readValue(json, ITEMS);
        return SignatureReport.of(rs.getString("signature_status"), checked == null ? null : checked.toInstant(), items);
    }

    private static final String COLUMNS = "id, organisation_id, kind, doc_year, doc_number, number_text, issued_on, title,"
            + " file_stem, issued_by, signature_status, signed_file_name";

    private static IssuedDocumentView view(ResultSet rs) throws SQLException {
        return new IssuedDocumentView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("kind"), rs.getInt("doc_year"),
                rs.getInt("doc_number"), rs.getString("number_text"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("title"), rs.getString("file_stem"), rs.getString("issued_by"), rs.getString("signature_status"),
                rs.getString("signed_file_name"));
    }
}
