package vn.dvk.initiative;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The configurable list of sectors, seeded with the five of the glossary. */
@Service
@Transactional(readOnly = true)
public class Sectors {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final SectorRepository sectors;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    Sectors(SectorRepository sectors, ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.sectors = sectors;
        this.events = events;
        this.jdbc = jdbc;
    }

    public record SectorView(String code, String label, String nameVi, String nameEn, int position, boolean active) {
    }

    public List<SectorView> all() {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        // read with plain SQL: every report and list asks for them, and the entities' repository call cost a report 1–2 ms
        // (sectors change only through add, in a transaction of its own, so nothing unflushed can be missed)
        return jdbc.query("select code, name_vi, name_en, position, active from sector order by position", (rs, n) ->
                new SectorView(rs.getString(1), english ? rs.getString(3) : rs.getString(2), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getBoolean(5)));
    }

    /** Codes seen to exist (sectors are never deleted), so a long import does not ask for each row. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    boolean exists(String code) {
        if (code == null) {
            return false;
        }
        if (known.contains(code)) {
            return true;
        }
        boolean exists = sectors.existsById(code);
        if (exists) {
            known.add(code);
        }
        return exists;
    }

    @Transactional
    public SectorView add(String code, String nameVi, String nameEn) {
        Permissions.require(Role.ADMIN);
        List<FieldProblem> problems = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(FieldProblem.field("code", "sector.codeFormat"));
        } else if (sectors.existsById(code)) {
            throw DomainException.conflict("sector.duplicate", code);
        }
        if (nameVi == null || nameVi.isBlank()) {
            problems.add(FieldProblem.field("nameVi", "validation.NotBlank"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        int position = sectors.findAllByOrderByPositionAsc().stream().mapToInt(Sector::getPosition).max().orElse(0) + 1;
        Sector sector = sectors.save(new Sector(code, nameVi.strip(), nameEn == null || nameEn.isBlank() ? nameVi.strip() : nameEn.strip(), position));
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "SECTOR", code, null, nameVi));
        return new SectorView(sector.getCode(), sector.name(LocaleContextHolder.getLocale()), sector.getNameVi(),
                sector.getNameEn(), sector.getPosition(), true);
    }
}
