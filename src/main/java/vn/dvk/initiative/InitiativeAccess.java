package vn.dvk.initiative;

import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who may read and change an initiative, asked by every service of the module before it acts. An
 * initiative outside the caller's scope answers as one that does not exist; the registry's public
 * checks ({@link InitiativeRegistry#requireReadable}, {@link InitiativeRegistry#requireOpenYear}) are these.
 */
@Component
class InitiativeAccess {

    private final InitiativeRepository initiatives;
    private final AdminUnits units;
    private final Organisations organisations;
    private final RegistrationStepRepository steps;
    private final Clock clock;

    InitiativeAccess(InitiativeRepository initiatives, AdminUnits units, Organisations organisations,
                     RegistrationStepRepository steps, Clock clock) {
        this.initiatives = initiatives;
        this.units = units;
        this.organisations = organisations;
        this.steps = steps;
        this.clock = clock;
    }

    /** The initiative if it lies inside the reader's scope; otherwise it answers as not found. */
    Initiative readable(Long id) {
        Initiative initiative = initiatives.findById(id).orElseThrow(() -> DomainException.notFound("initiative.notFound", id));
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElseThrow();
        Permissions.requireInScope(unit, "initiative.notFound", id);
        return initiative;
    }

    /** True when the initiative exists and lies inside the current user's scope. */
    boolean isReadable(Long id) {
        return initiatives.findById(id).filter(this::visible).isPresent();
    }

    boolean visible(Initiative initiative) {
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElse(null);
        return unit != null && CurrentUser.currentScope().covers(unit);
    }

    /** The initiative, locked (see {@link InitiativeRepository#lockById}), if the current user may change it. */
    Initiative writable(Long id) {
        Initiative initiative = initiatives.lockById(id).orElseThrow(() -> DomainException.notFound("initiative.notFound", id));
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElseThrow();
        Permissions.requireInScope(unit, "initiative.notFound", id);
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        if (!user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER) && !mayWriteAsEditor(user, initiative.getOrganisationId())) {
            throw Permissions.forbidden();
        }
        return initiative;
    }

    /**
     * A unit editor writes their own organisation's initiatives, and carries on those of organisations
     * whose unit was merged away into their scope (the commune of today continues the communes it
     * replaced, and their records with them).
     */
    boolean mayWriteAsEditor(CurrentUser user, Long organisationId) {
        if (organisationId == null) {
            return false;
        }
        if (organisationId.equals(user.organisationId())) {
            return true;
        }
        LocalDate today = LocalDate.now(clock);
        return organisations.find(organisationId).flatMap(o -> o.unitId() == null ? Optional.empty() : units.findById(o.unitId()))
                .map(u -> u.validTo() != null && u.validTo().isBefore(today) && user.scope().covers(u)
                        && !user.scope().coversByPath(u))
                .orElse(false);
    }

    /**
     * Refuses (409) to change what belongs to the whole record — its files, its linked movements —
     * while every year it is registered for is recognised (or proposed, or commended): nothing open
     * is left for the change to belong to until a committee member re-opens a year or a new year is
     * registered.
     */
    static void requireOpenYear(Initiative initiative) {
        List<Registration> years = initiative.getRegistrations();
        if (!years.isEmpty() && years.stream().noneMatch(Registration::isOpen)) {
            int latest = years.stream().mapToInt(Registration::getYear).max().orElseThrow();
            throw DomainException.conflict("initiative.allYearsLocked", initiative.getName(), latest);
        }
    }

    /**
     * Refuses unless the current user may add a file to the initiative now: they may write it and a
     * year of it is open (see {@link #requireOpenYear(Initiative)}).
     */
    void requireAttachable(Long id) {
        requireOpenYear(writable(id));
    }

    /**
     * Refuses unless a file uploaded at {@code uploadedAt} may be removed: the user may write the
     * initiative, a year of it is open, and the file was not already there when a year still
     * recognised was recognised (it is part of that year's recognised dossier).
     */
    void requireRemovable(Long id, String fileName, Instant uploadedAt) {
        Initiative initiative = writable(id);
        requireOpenYear(initiative);
        List<RegistrationStep> history = steps.timelineOf(id);
        for (Registration year : initiative.getRegistrations()) {
            if (year.isOpen()) {
                continue;
            }
            Instant locked = history.stream().filter(s -> s.view().year() == year.getYear() && s.view().toState().locked())
                    .map(s -> s.view().at()).max(Comparator.naturalOrder()).orElse(null);
            if (locked == null || !uploadedAt.isAfter(locked)) {
                throw DomainException.conflict("attachment.recognised", fileName, year.getYear());
            }
        }
    }

    Long unitOf(Long id) {
        return initiatives.findById(id).map(Initiative::getUnitId).orElse(null);
    }
}
