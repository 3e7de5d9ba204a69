package vn.dvk.initiative;

import java.util.Set;

/**
 * An initiative as typed in a form or sent to the API. The unit is kept by id while the code (if
 * given) still names it, else the code's version in force today. Code blank: one is generated.
 */
public record InitiativeDraft(String code, String name, Kind kind, Holder holder, String sector, String unitCode,
                              Long unitId, Long organisationId, String responsibleOfficer, Integer startYear,
                              String description, String method, String results, Set<TargetGroup> targetGroups,
                              Boolean featured, Long version) {
}
