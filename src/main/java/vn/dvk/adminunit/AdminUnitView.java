package vn.dvk.adminunit;

import vn.dvk.shared.security.ScopedUnit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What other modules and the API see of one version of a unit. {@code path} is the materialised
 * path of its ancestors' ids ("/1/25/"); {@link #subtreePrefix()} starts the path of every unit
 * under it, so "the unit and everything under it" is {@code id = :id or path like :prefix%}
 * ({@link vn.dvk.shared.security.DataScope#subtreeByPath}).
 * {@code placedPath}, for a unit no longer in force, is the subtree prefix of the unit of today that
 * continues it (see {@link vn.dvk.shared.security.DataScope}).
 */
public record AdminUnitView(Long id, String code, String name, String fullName, AdminUnitLevel level,
                            AdminUnitType type, Long parentId, String parentCode, String path,
                            LocalDate validFrom, LocalDate validTo, List<String> successorCodes,
                            String placedPath) implements ScopedUnit {

    public String subtreePrefix() {
        return path + id + "/";
    }

    /** The id of its province: the first id of its subtree prefix ("/126/300/" gives 126). */
    public Long provinceId() {
        return lineageIds().get(0);
    }

    /** The ids of its ancestors and its own, province first (its subtree prefix read as ids). */
    public List<Long> lineageIds() {
        return lineageIds(subtreePrefix());
    }

    /** The ids a subtree prefix ("/126/300/") names, province first. */
    public static List<Long> lineageIds(String subtreePrefix) {
        List<Long> ids = new ArrayList<>();
        for (String part : subtreePrefix.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.valueOf(part));
            }
        }
        return ids;
    }

    /** True when the unit was in force on some day of the year. */
    public boolean existedIn(int year) {
        return (validFrom == null || validFrom.getYear() <= year) && (validTo == null || validTo.getYear() >= year);
    }

    public boolean isValidOn(LocalDate day) {
        return AdminUnit.validOn(validFrom, validTo, day);
    }
}
