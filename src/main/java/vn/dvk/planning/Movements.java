package vn.dvk.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.dvk.adminunit.AdminUnits;

/** The other emulation movements (a configurable list) and the initiatives linked to each. */
@Service
public class Movements {

    public record MovementView(String code, String nameVi, String nameEn, int position, boolean active) {

        public String label() {
            return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())
                    ? nameEn : nameVi;
        }
    }

    private final JdbcTemplate jdbc;
    private final InitiativeRegistry registry;
    private final ApplicationEventPublisher events;
    private final AdminUnits units;

    Movements(JdbcTemplate jdbc, InitiativeRegistry registry, ApplicationEventPublisher events, AdminUnits units) {
        this.units = units;
        this.jdbc = jdbc;
        this.registry = registry;
        this.events = events;
    }

    public List<MovementView> all() {
        return jdbc.query("select * from movement order by position, code", (rs, n) -> new MovementView(rs.getString("code"),
                rs.getString("name_vi"), rs.getString("name_en"), rs.getInt("position"), rs.getBoolean("active")));
    }

    @Transactional
    public MovementView add(String code, String nameVi, String nameEn) {
        Permissions.require(Role.ADMIN);
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String vi = VietnameseText.clean(nameVi);
        if (!c.matches("[A-Z][A-Z0-9_]{1,39}") || vi == null || vi.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(!c.matches("[A-Z][A-Z0-9_]{1,39}")
                    ? FieldProblem.field("code", "sector.codeFormat") : FieldProblem.field("nameVi", "validation.NotBlank")), "error.validation");
        }
        if (all().stream().anyMatch(m -> m.code().equals(c))) {
            throw DomainException.conflict("movement.duplicate", c);
        }
        int position = all().stream().mapToInt(MovementView::position).max().orElse(0) + 1;
        jdbc.update("insert into movement (code, name_vi, name_en, position) values (?, ?, ?, ?)", c, vi,
                nameEn == null || nameEn.isBlank() ? vi : nameEn.strip(), position);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "MOVEMENT", c, null, vi));
        return all().stream().filter(m -> m.code().equals(c)).findFirst().orElseThrow();
    }

    public List<MovementView> of(long initiativeId) {
        registry.get(initiativeId);
        return jdbc.query("select m.* from movement m join initiative_movement im on im.movement_code = m.code where im.initiative_id = ?"
                + " order by m.position", (rs, n) -> new MovementView(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                rs.getInt("position"), rs.getBoolean("active")), initiativeId);
    }

    /**
     * Links the initiative to exactly these movements (officers, or editors of its organisation);
     * refused while every year of the initiative is recognised.
     */
    @Transactional
    public List<MovementView> link(long initiativeId, Set<String> codes) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        InitiativeView initiative = registry.get(initiativeId);
        if (!user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER)
                && (user.organisationId() == null || !user.organisationId().equals(initiative.organisationId()))) {
            throw Permissions.forbidden();
        }
        registry.requireOpenYear(initiativeId);
        Set<String> known = new HashSet<>(all().stream().map(MovementView::code).toList());
        for (String code : codes) {
            if (!known.contains(code)) {
                throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("movements", "movement.unknown", code)),
                        "error.validation");
            }
        }
        jdbc.update("delete from initiative_movement where initiative_id = ?", initiativeId);
        codes.forEach(code -> jdbc.update("insert into initiative_movement (initiative_id, movement_code) values (?, ?)", initiativeId, code));
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "INITIATIVE_MOVEMENTS", initiativeId, initiative.unitId(),
                String.join(", ", codes)));
        return of(initiativeId);
    }

    /** How many registrations of a year under a unit belong to initiatives linked to each movement (the report's filter). */
    public Map<String, Long> countsByMovement(String unitCode, int year) {
        CurrentUser user = CurrentUser.get().orElseThrow(Permissions::forbidden);
        StringBuilder sql = new StringBuilder("select im.movement_code, count(*) from registration_fact r join initiative_movement im"
                + " on im.initiative_id = r.initiative_id join unit_tree u on u.id = r.unit_id where r.reg_year = ?"
                + " and " + DataScope.inScope("u", "?", "?", "?"));
        List<Object> args = new ArrayList<>(List.of(year, user.scope().national(), user.scope().unitId(), user.scope().prefix(),
                user.scope().prefix()));
        if (unitCode != null && !unitCode.isBlank()) {
            var unit = units.getByCode(unitCode.strip(), LocalDate.of(year, 12, 31));
            // a unit sharing nothing with the caller's scope is not there for them: 404, not a table of zeros
            Permissions.requireOverlap(unit, "adminUnit.notFound", unitCode.strip());
            sql.append(" and ").append(DataScope.subtree("u", "?", "?"));
            args.add(unit.id());
            args.add(unit.subtreePrefix() + "%");
            args.add(unit.subtreePrefix() + "%");
        }
        sql.append(" group by im.movement_code");
        Map<String, Long> counts = new LinkedHashMap<>();
        all().forEach(m -> counts.put(m.code(), 0L));
        jdbc.query(sql.toString(), rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, args.toArray());
        return counts;
    }
}
