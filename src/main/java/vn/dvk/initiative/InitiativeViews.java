package vn.dvk.initiative;

import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.OrganisationView;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns initiatives into what pages, the API and other modules read: with the names of their units,
 * organisations, sectors and pilots, read in batches when there are many.
 */
@Component
class InitiativeViews {

    private final InitiativeRepository initiatives;
    private final Sectors sectors;
    private final AdminUnits units;
    private final Organisations organisations;

    InitiativeViews(InitiativeRepository initiatives, Sectors sectors, AdminUnits units, Organisations organisations) {
        this.initiatives = initiatives;
        this.sectors = sectors;
        this.units = units;
        this.organisations = organisations;
    }

    InitiativeView view(Initiative i) {
        List<AdminUnitView> lineage = units.lineage(i.getUnitId());
        Map<Long, OrganisationView> names = organisations.byIds(organisationIds(List.of(i)));
        String pilotName = i.getReplicatedFromId() == null ? null
                : initiatives.findById(i.getReplicatedFromId()).map(Initiative::getName).orElse(null);
        return view(i, lineage, names, sectorLabels(), pilotName);
    }

    /**
     * Many initiatives at once (a page of an export), in the order given, those outside the caller's
     * scope left out: a fixed number of queries whatever their number (their registrations and
     * indicators are read in batches).
     */
    List<InitiativeView> getAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Initiative> byId = new HashMap<>();
        initiatives.findAllById(ids).forEach(i -> byId.put(i.getId(), i));
        Map<Long, List<AdminUnitView>> lineages = units.lineages(byId.values().stream().map(Initiative::getUnitId).distinct().toList());
        Map<Long, OrganisationView> names = organisations.byIds(organisationIds(byId.values()));
        Map<String, String> sectorLabels = sectorLabels();
        Map<Long, String> pilots = new HashMap<>();
        List<Long> pilotIds = byId.values().stream().map(Initiative::getReplicatedFromId).filter(Objects::nonNull).distinct()
                .toList();
        initiatives.findAllById(pilotIds).forEach(p -> pilots.put(p.getId(), p.getName()));
        DataScope scope = CurrentUser.currentScope();
        List<InitiativeView> views = new ArrayList<>();
        for (Long id : ids) {
            Initiative i = byId.get(id);
            List<AdminUnitView> lineage = i == null ? null : lineages.get(i.getUnitId());
            if (lineage == null || lineage.isEmpty() || !scope.covers(lineage.get(lineage.size() - 1))) {
                continue;
            }
            views.add(view(i, lineage, names, sectorLabels, pilots.get(i.getReplicatedFromId())));
        }
        return views;
    }

    InitiativeRow row(Initiative i) {
        return new InitiativeRow(i.getId(), i.getCode(), i.getName(), i.getKind(), i.getHolder(), i.getSector(), null,
                i.getUnitId(), units.findById(i.getUnitId()).map(AdminUnitView::fullName).orElse(null), i.getOrganisationId(),
                null, i.getStartYear(), i.isFeatured(), i.targetGroups().contains(TargetGroup.ETHNIC_MINORITY),
                i.targetGroups().contains(TargetGroup.RELIGIOUS), i.getDiscontinuedFrom(), i.getReplicatedFromId(),
                null, null, null);
    }

    /** Adds sector labels and organisation names to a page of rows, with one query for the names. */
    List<InitiativeRow> label(List<InitiativeRow> rows) {
        Map<String, String> sectorLabels = sectors.all().stream()
                .collect(Collectors.toMap(Sectors.SectorView::code, Sectors.SectorView::label));
        Map<Long, OrganisationView> names = organisations.byIds(rows.stream().map(InitiativeRow::organisationId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream().map(r -> new InitiativeRow(r.id(), r.code(), r.name(), r.kind(), r.holder(), r.sector(),
                sectorLabels.get(r.sector()), r.unitId(), r.unitName(), r.organisationId(),
                r.organisationId() == null || !names.containsKey(r.organisationId()) ? null : names.get(r.organisationId()).name(),
                r.startYear(), r.featured(), r.ethnicMinority(), r.religious(), r.discontinuedFrom(), r.replicatedFromId(),
                r.year(), r.status(), r.workflowState())).toList();
    }

    /** "Xã Phi Liêng, Huyện Đam Rông, Tỉnh Lâm Đồng": the unit and its ancestors, nearest first. */
    static String locality(List<AdminUnitView> lineage) {
        List<String> names = new ArrayList<>();
        for (int k = lineage.size() - 1; k >= 0; k--) {
            names.add(lineage.get(k).fullName());
        }
        return String.join(", ", names);
    }

    private static Set<Long> organisationIds(Collection<Initiative> list) {
        Set<Long> organisationIds = new HashSet<>();
        for (Initiative i : list) {
            if (i.getOrganisationId() != null) {
                organisationIds.add(i.getOrganisationId());
            }
            i.getRegistrations().forEach(r -> {
                if (r.getOrganisationId() != null) {
                    organisationIds.add(r.getOrganisationId());
                }
            });
        }
        return organisationIds;
    }

    private Map<String, String> sectorLabels() {
        Map<String, String> sectorLabels = new HashMap<>();
        sectors.all().forEach(s -> sectorLabels.put(s.code(), s.label()));
        return sectorLabels;
    }

    private InitiativeView view(Initiative i, List<AdminUnitView> lineage, Map<Long, OrganisationView> names,
                                Map<String, String> sectorLabels, String pilotName) {
        AdminUnitView unit = lineage.get(lineage.size() - 1);
        List<InitiativeView.RegistrationView> registrations = i.getRegistrations().stream()
                .map(r -> new InitiativeView.RegistrationView(r.getId(), r.getYear(), r.getStatus(), r.getOrganisationId(),
                        nameOf(names, r.getOrganisationId()), r.getWorkflowState(), r.getRating(), r.getScore(), r.getUnitId(),
                        r.getSector(), r.getKind(), r.getHolder(), r.isFeatured())).toList();
        String state = registrations.isEmpty() ? null : registrations.get(registrations.size() - 1).workflowState().name();
        return new InitiativeView(i.getId(), i.getCode(), i.getName(), i.getKind(), i.getHolder(), i.getSector(),
                sectorLabels.get(i.getSector()), unit.id(), unit.code(), unit.fullName(), locality(lineage),
                i.getOrganisationId(), nameOf(names, i.getOrganisationId()), i.getResponsibleOfficer(), i.getStartYear(),
                i.getDescription(), i.getMethod(), i.getResults(), i.targetGroups(), i.isFeatured(), i.getReplicatedFromId(),
                pilotName, i.getDiscontinuedFrom(), i.getDiscontinuedReason(), state, registrations,
                i.getIndicators().stream().map(x -> new InitiativeView.IndicatorView(x.getName(), x.getUnit(), x.getYear(),
                        x.getValue())).toList(), i.getVersion());
    }

    private static String nameOf(Map<Long, OrganisationView> names, Long id) {
        return id == null || !names.containsKey(id) ? null : names.get(id).name();
    }
}
