package vn.dvk.initiative;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to an initiative year after year: registered for a year (one at a time, or last
 * year's again for a whole unit), measured by its indicators, discontinued, and carried on by the unit
 * of today when a reform merged its own away.
 */
@Service
@Transactional(readOnly = true)
public class Registrations {

    private final InitiativeAccess access;
    private final InitiativeRepository initiatives;
    private final InitiativeSearch search;
    private final InitiativeWords words;
    private final InitiativeViews views;
    private final AdminUnits units;
    private final Organisations organisations;
    private final RegistrationTally tally;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registrations(InitiativeAccess access, InitiativeRepository initiatives, InitiativeSearch search, InitiativeWords words,
                  InitiativeViews views, AdminUnits units, Organisations organisations, RegistrationTally tally,
                  ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.initiatives = initiatives;
        this.search = search;
        this.words = words;
        this.views = views;
        this.units = units;
        this.organisations = organisations;
        this.tally = tally;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public InitiativeView register(Long id, int year, RegistrationStatus status, Long organisationId) {
        Initiative initiative = access.writable(id);
        Long organisation = organisationId != null ? organisationId : initiative.getOrganisationId();
        if (organisation != null && organisations.find(organisation).isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID,
                    List.of(FieldProblem.field("organisationId", "organisation.notFound", organisation)), "error.validation");
        }
        if (status == null) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("status", "validation.NotNull")),
                    "error.validation");
        }
        Registration registered = registerIn(initiative, year, status, organisation);
        tally.add(RegistrationTally.Key.of(registered), 1);
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "REGISTRATION", id + "/" + year, initiative.getUnitId(),
                initiative.getCode() + " " + year + " " + status));
        return views.view(initiative);
    }

    /**
     * "Register last year's initiatives again": every initiative under the unit registered in the
     * year before and not discontinued is registered as MAINTAINED for the year, in one action.
     */
    @Transactional
    public int renew(String unitCode, int year) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        AdminUnitView unit = units.getByCode(unitCode.strip(), LocalDate.now(clock));
        if (!user.scope().covers(unit)) {
            // a unit outside the caller's scope answers as one that does not exist, and nothing is written
            throw DomainException.notFound("adminUnit.notFound", unitCode.strip());
        }
        int renewed = 0;
        int page = 0;
        Page<InitiativeRow> previous;
        List<Long> ids = new ArrayList<>();
        do {
            previous = search.search(new InitiativeQuery(null, null, year - 1, null, null, null, null, null, null, null),
                    unit, user.scope(), page++, 500);
            previous.getContent().forEach(r -> ids.add(r.id()));
        } while (previous.hasNext());
        Map<RegistrationTally.Key, Long> counts = new HashMap<>();
        for (Initiative initiative : ids.isEmpty() ? List.<Initiative>of() : initiatives.lockAllById(ids)) {
            boolean mayWrite = user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER)
                    || access.mayWriteAsEditor(user, initiative.getOrganisationId());
            boolean open = initiative.getDiscontinuedFrom() == null || initiative.getDiscontinuedFrom() > year;
            if (mayWrite && open && initiative.registrationFor(year).isEmpty()) {
                Long organisation = initiative.registrationFor(year - 1).map(Registration::getOrganisationId)
                        .orElse(initiative.getOrganisationId());
                Registration registered = registerIn(initiative, year, RegistrationStatus.MAINTAINED, organisation);
                counts.merge(RegistrationTally.Key.of(registered), 1L, Long::sum);
                renewed++;
            }
        }
        tally.addAll(counts);
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "REGISTRATION", null, unit.id(),
                "renewed " + renewed + " initiatives of " + unit.fullName() + " for " + year));
        return renewed;
    }

    @Transactional
    public InitiativeView discontinue(Long id, int fromYear, String reason) {
        Initiative initiative = access.writable(id);
        Map<String, Object> before = initiative.snapshot();
        initiative.discontinue(fromYear, reason);
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.STATE_CHANGE, InitiativeRegistry.OBJECT_TYPE, id, initiative.getUnitId(),
                "discontinued from " + fromYear + ": " + reason).withChanges(AuditEvent.diff(before, initiative.snapshot())));
        return views.view(initiative);
    }

    @Transactional
    public InitiativeView measure(Long id, String name, String unit, int year, BigDecimal value) {
        Initiative initiative = access.writable(id);
        if (name == null || name.isBlank() || unit == null || unit.isBlank() || value == null) {
            throw DomainException.invalid("indicator.incomplete");
        }
        initiative.requireUnlocked();
        initiative.measure(name, unit, year, value);
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, InitiativeRegistry.OBJECT_TYPE, id, initiative.getUnitId(),
                "indicator " + name + " " + year + " = " + value + " " + unit));
        return views.view(initiative);
    }

    /** True when the initiative's unit no longer exists today (merged away in a reform). */
    public boolean unitEnded(Long id) {
        return ended(access.readable(id).getUnitId());
    }

    /** As {@link #unitEnded(Long)}, for an initiative the caller has just read. */
    boolean unitEnded(InitiativeView initiative) {
        return ended(initiative.unitId());
    }

    private boolean ended(Long unitId) {
        AdminUnitView unit = units.findById(unitId).orElseThrow();
        return unit.validTo() != null && unit.validTo().isBefore(LocalDate.now(clock));
    }

    /**
     * Moves an initiative whose unit no longer exists to the unit of today that continues it, from the
     * current year on; its registrations of earlier years stay with the unit of their time.
     */
    @Transactional
    public InitiativeView moveToSuccessor(Long id) {
        Initiative initiative = access.writable(id);
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElseThrow();
        if (unit.validTo() == null || !unit.validTo().isBefore(LocalDate.now(clock))) {
            throw DomainException.conflict("initiative.unitStillExists", unit.fullName());
        }
        relocate(initiative, unit, LocalDate.now(clock).getYear());
        return views.view(initiative);
    }

    /**
     * Registers the initiative for a year. A unit merged away in a reform takes no records of the years
     * after it ended from those who worked in it; the users of the unit of today that continues it keep
     * its initiatives up (the registration stays with the initiative's unit, which lies in theirs today).
     */
    private Registration registerIn(Initiative initiative, int year, RegistrationStatus status, Long organisation) {
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElseThrow();
        DataScope scope = CurrentUser.currentScope();
        boolean reachesItsPlaceToday = scope.national() || (unit.placedPath() != null && scope.coversSubtree(unit.placedPath()));
        if (unit.validTo() != null && unit.validTo().getYear() < year && !reachesItsPlaceToday) {
            FieldProblem why = units.notInYear("year", unit, year);
            throw new DomainException(DomainException.Kind.CONFLICT, List.of(why), why.messageKey(), why.args());
        }
        return initiative.register(year, status, organisation);
    }

    /**
     * Moves the initiative to the unit of today that continues its own, from a year on; the
     * registrations of earlier years stay with the unit of their time, and the initiative keeps its
     * province of origin (its code stays unique there; the province of today reaches it).
     */
    private void relocate(Initiative initiative, AdminUnitView unit, int fromYear) {
        AdminUnitView successor = units.onDay(List.of(unit.id()), LocalDate.now(clock)).get(unit.id());
        if (successor == null || successor.id().equals(unit.id()) || !CurrentUser.currentScope().covers(successor)) {
            FieldProblem why = units.notInYear("unitCode", unit, fromYear);
            throw new DomainException(DomainException.Kind.CONFLICT, List.of(why), why.messageKey(), why.args());
        }
        List<AdminUnitView> lineage = units.lineage(successor.id());
        Map<String, Object> before = initiative.snapshot();
        List<RegistrationTally.Key> counted = RegistrationTally.keys(initiative);
        initiative.relocate(successor.id(), InitiativeViews.locality(lineage), fromYear);
        tally.change(counted, RegistrationTally.keys(initiative));
        initiatives.flush();
        words.replace(initiative.getId(), initiative.getSearchKey());
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, InitiativeRegistry.OBJECT_TYPE, initiative.getId(),
                initiative.getUnitId(), "moved from " + unit.fullName() + " to " + successor.fullName() + " from " + fromYear)
                .withChanges(AuditEvent.diff(before, initiative.snapshot())));
    }
}
