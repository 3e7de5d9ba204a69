package vn.dvk.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.web.csrf.CsrfToken;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeRow;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.PageResponse;
import vn.dvk.shared.VietnamTime;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.web.ApiController;
import vn.dvk.workflow.Inspections;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the field app asks before it works offline: who is logged in with a fresh CSRF token (it
 * changes at every login, and a queue kept through a session expiry sends with the new one), and the
 * officer's bundle — the units of their scope down to the villages, the sectors and their initiatives
 * with last year's and this year's registrations, so that registering, renewing and measuring work
 * without a network. Nothing outside the caller's scope: the units are the subtree of their own
 * unit, the initiatives come through the scoped search.
 */
@ApiController
@Tag(name = "Field app")
class FieldApiController {

    /** The newest initiatives of the scope the bundle carries (a commune has far fewer). */
    static final int INITIATIVES = PageResponse.MAX_SIZE;

    private final AdminUnits units;
    private final InitiativeRegistry registry;
    private final Sectors sectors;
    private final Clock clock;

    FieldApiController(AdminUnits units, InitiativeRegistry registry, Sectors sectors, Clock clock) {
        this.units = units;
        this.registry = registry;
        this.sectors = sectors;
        this.clock = clock;
    }

    record Session(String username, String displayName, String csrfHeader, String csrfParameter, String csrfToken) {
    }

    record Unit(Long id, String code, String name, AdminUnitLevel level, Long parentId) {
        static Unit of(AdminUnitView view) {
            return new Unit(view.id(), view.code(), view.fullName(), view.level(), view.parentId());
        }
    }

    record Sector(String code, String label) {
    }

    record Initiative(Long id, String code, String name, Long unitId, String unitName, String sector,
                      boolean registeredLastYear, boolean registeredThisYear) {
    }

    /**
     * {@code organisationId}: the organisation a unit editor registers for (officers register for none in
     * particular); {@code mayInspect}: whether the inspection form is offered (workflow.Inspections decides).
     */
    record Bundle(String username, int year, Long organisationId, boolean mayInspect, List<Unit> units, List<Sector> sectors,
                  List<Initiative> initiatives) {
    }

    @GetMapping("/api/v1/field/session")
    @Operation(summary = "The logged-in user and the CSRF token a browser sends with its next write")
    Session session(CsrfToken csrf) {
        CurrentUser user = CurrentUser.get().orElseThrow();
        if (csrf == null) {
            return new Session(user.getUsername(), user.displayName(), null, null, null);
        }
        return new Session(user.getUsername(), user.displayName(), csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken());
    }

    @GetMapping("/api/v1/field/bundle")
    @Operation(summary = "The units (down to villages), sectors and initiatives of the caller's scope that the field app keeps offline")
    Bundle bundle() {
        CurrentUser user = CurrentUser.get().orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        int year = today.getYear();
        List<Sector> sectorList = sectors.all().stream().filter(Sectors.SectorView::active)
                .map(s -> new Sector(s.code(), s.label())).toList();
        Long organisation = user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER) ? null : user.organisationId();
        boolean mayInspect = user.hasAny(Inspections.RECORDERS);
        return new Bundle(user.getUsername(), year, organisation, mayInspect, unitsOf(user.scope(), today), sectorList, initiatives(year));
    }

    /** A national user works nowhere in particular: no units are carried for them (the country has ~63,600 villages). */
    private List<Unit> unitsOf(DataScope scope, LocalDate today) {
        if (scope.national() || scope.unitId() == null || scope.unitId() < 0) {
            return List.of();
        }
        try {
            return units.subtree(scope.unitId(), today).stream().map(Unit::of).toList();
        } catch (DomainException e) {
            return List.of();
        }
    }

    private List<Initiative> initiatives(int year) {
        Set<Long> lastYear = registeredIn(year - 1);
        Set<Long> thisYear = registeredIn(year);
        Map<Long, Initiative> byId = new LinkedHashMap<>();
        for (InitiativeRow r : registry.search(InitiativeQuery.all(), 0, INITIATIVES).getContent()) {
            byId.putIfAbsent(r.id(), new Initiative(r.id(), r.code(), r.name(), r.unitId(), r.unitName(), r.sector(),
                    lastYear.contains(r.id()), thisYear.contains(r.id())));
        }
        return List.copyOf(byId.values());
    }

    private Set<Long> registeredIn(int year) {
        InitiativeQuery query = new InitiativeQuery(null, null, year, null, null, null, null, null, null, null);
        return registry.search(query, 0, INITIATIVES).getContent().stream().map(InitiativeRow::id).collect(Collectors.toSet());
    }
}
