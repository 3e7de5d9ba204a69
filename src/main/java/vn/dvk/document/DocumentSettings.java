package vn.dvk.document;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.OrganisationView;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.office.OfficialDocument.Style;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import jakarta.validation.constraints.Size;
import vn.dvk.shared.validation.Inputs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads (stored, or else the defaults) and keeps an organisation's document settings. */
@Service
@Transactional(readOnly = true)
public class DocumentSettings {

    /** What an officer sets; {@code version} is the one read (0 while the defaults are shown). */
    public record Input(Style style, @Size(max = 200) String superiorOrgan, @Size(max = 200) String organ,
                        @Size(max = 40) String symbol, @Size(max = 100) String place, @Size(max = 200) String signerCapacity,
                        @Size(max = 200) String signerTitle, @Size(max = 100) String signerName,
                        @Size(max = 50) List<@Size(max = 300) String> recipients, Long version) {
    }

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final AdminUnits units;
    private final Clock clock;
    private final Inputs inputs;

    DocumentSettings(JdbcTemplate jdbc, Organisations organisations, AdminUnits units, Clock clock, Inputs inputs) {
        this.inputs = inputs;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.units = units;
        this.clock = clock;
    }

    /** The settings of an organisation inside the caller's scope (404 outside it). */
    public DocumentSettingsView of(Long organisationId) {
        OrganisationView org = organisations.get(organisationId);
        List<DocumentSettingsView> stored = jdbc.query("select * from document_settings where organisation_id = ?",
                (rs, n) -> new DocumentSettingsView(org.id(), org.name(), Style.valueOf(rs.getString("style")),
                        rs.getString("superior_organ"), rs.getString("organ"), rs.getString("symbol"), rs.getString("place"),
                        rs.getString("signer_capacity"), rs.getString("signer_title"), rs.getString("signer_name"),
                        recipients(rs.getString("recipients")), true, rs.getLong("version")), organisationId);
        return stored.isEmpty() ? defaults(org) : stored.get(0);
    }

    /** The defaults of an organisation, whatever is stored. */
    public DocumentSettingsView defaults(OrganisationView org) {
        AdminUnitView unit = org.unitId() == null ? null : units.findById(org.unitId()).orElse(null);
        AdminUnitView above = unit == null || unit.parentId() == null ? null : units.findById(unit.parentId()).orElse(null);
        return SettingsDefaults.of(org, unit, above);
    }

    @Transactional
    public DocumentSettingsView save(Long organisationId, Input input) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        DocumentSettingsView current = of(organisationId);
        long expected = input.version() == null ? 0 : input.version();
        if (expected != current.version()) {
            throw DomainException.conflict("error.stale");
        }
        List<FieldProblem> problems = new ArrayList<>(inputs.problems(input));
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        if (input.style() == null) {
            problems.add(FieldProblem.field("style", "validation.NotNull"));
        }
        String organ = text(input.organ(), "organ", 200, problems);
        if (organ == null) {
            problems.add(FieldProblem.field("organ", "validation.NotBlank"));
        }
        String superior = text(input.superiorOrgan(), "superiorOrgan", 200, problems);
        String symbol = text(input.symbol(), "symbol", 40, problems);
        String place = text(input.place(), "place", 100, problems);
        String capacity = text(input.signerCapacity(), "signerCapacity", 200, problems);
        String title = text(input.signerTitle(), "signerTitle", 200, problems);
        String name = text(input.signerName(), "signerName", 100, problems);
        List<String> recipients = input.recipients() == null ? List.of() : input.recipients().stream()
                .map(VietnameseText::clean).filter(r -> r != null && !r.isEmpty()).toList();
        String joined = String.join("\n", recipients);
        if (joined.length() > 2000) {
            problems.add(FieldProblem.field("recipients", "validation.Size"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        Object[] values = {input.style().name(), superior, organ, symbol, place, capacity, title, name, joined,
                current.version() + 1, user.getUsername(), OffsetDateTime.now(clock)};
        if (current.saved()) {
            jdbc.update("update document_settings set style = ?, superior_organ = ?, organ = ?, symbol = ?, place = ?,"
                    + " signer_capacity = ?, signer_title = ?, signer_name = ?, recipients = ?, version = ?, updated_by = ?,"
                    + " updated_at = ? where organisation_id = ?", append(values, organisationId));
        } else {
            jdbc.update("insert into document_settings (style, superior_organ, organ, symbol, place, signer_capacity,"
                    + " signer_title, signer_name, recipients, version, updated_by, updated_at, organisation_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", append(values, organisationId));
        }
        return of(organisationId);
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        String clean = VietnameseText.clean(value);
        if (clean == null || clean.isEmpty()) {
            return null;
        }
        if (clean.length() > max) {
            problems.add(FieldProblem.field(field, "validation.Size"));
        }
        return clean;
    }

    private static List<String> recipients(String stored) {
        return stored == null || stored.isBlank() ? List.of() : stored.lines().filter(l -> !l.isBlank()).toList();
    }
}
