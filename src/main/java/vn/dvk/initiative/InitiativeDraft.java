package vn.dvk.initiative;

import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * An initiative as typed in a form or sent to the API. The unit is kept by id while the code (if
 * given) still names it, else the code's version in force today. Code blank: one is generated.
 */
public record InitiativeDraft(@Size(max = 30) String code, @Size(max = 300) String name, Kind kind, Holder holder,
                              @Size(max = 40) String sector, @Size(max = 60) String unitCode,
                              Long unitId, Long organisationId, @Size(max = 200) String responsibleOfficer,
                              Integer startYear, @Size(max = 4000) String description, @Size(max = 4000) String method,
                              @Size(max = 4000) String results, Set<TargetGroup> targetGroups,
                              Boolean featured, Long version) {
}
