package vn.dvk.adminunit;

import java.time.LocalDate;
import java.util.List;

/**
 * What other modules and the API see of one version of a unit. {@code path} is the materialised
 * path of its ancestors' ids ("/1/25/"); {@link #subtreePrefix()} starts the path of every unit
 * under it, so "the unit and everything under it" is {@code id = :id or path like :prefix%}.
 */
public record AdminUnitView(Long id, String code, String name, String fullName, AdminUnitLevel level,
                            AdminUnitType type, Long parentId, String parentCode, String path,
                            LocalDate validFrom, LocalDate validTo, List<String> successorCodes) {

    public String subtreePrefix() {
        return path + id + "/";
    }

    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
