package vn.dvk.initiative;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** An initiative as its page and the API show it. */
public record InitiativeView(Long id, String code, String name, Kind kind, Holder holder, String sector,
                             String sectorLabel, Long unitId, String unitCode, String unitName, String locality,
                             Long organisationId, String organisationName, String responsibleOfficer, Integer startYear,
                             String description, String method, String results, Set<TargetGroup> targetGroups,
                             boolean featured, Long replicatedFromId, String replicatedFromName, Integer discontinuedFrom,
                             String discontinuedReason, String workflowState, List<RegistrationView> registrations,
                             List<IndicatorView> indicators, long version) {

    /** A year's registration with the classification it counts by (a recognised year keeps what was recognised). */
    public record RegistrationView(Long id, int year, RegistrationStatus status, Long organisationId,
                                   String organisationName, WorkflowState workflowState, Rating rating,
                                   BigDecimal score, Long unitId, String sector, Kind kind, Holder holder, boolean featured) {
    }

    public record IndicatorView(String name, String unit, int year, BigDecimal value) {
    }
}
