package vn.dvk.initiative;

/** One line of an initiative list, read by one query (no entity per row). */
public record InitiativeRow(Long id, String code, String name, Kind kind, Holder holder, String sector, String sectorLabel,
                            Long unitId, String unitName, Long organisationId, String organisationName, Integer startYear,
                            boolean featured, boolean ethnicMinority, boolean religious, Integer discontinuedFrom,
                            Long replicatedFromId, Integer year, RegistrationStatus status, String workflowState) {
}
