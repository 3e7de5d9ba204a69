package vn.dvk.shared.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * The part of the data a user may see: a unit and everything under it, the whole country, or
 * nothing. A unit of today also covers the units of earlier structures that it continues (their
 * {@code placed_path} lies under it): a commune of 2025 sees the records of the communes merged into
 * it. Queries join the unit of each row and keep it when {@link #covers} holds, in SQL as
 * {@link #inScope}: {@code (:national = true or u.id = :unitId or u.path like :prefix or u.placed_path like :prefix)}.
 * {@code provinceIds} are the provinces whose rows can lie in the scope: the unit's own and those that
 * became it (rows carry the province of their time).
 */
public record DataScope(boolean national, Long unitId, String prefix, List<Long> provinceIds) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    /**
     * The scope predicate on a unit aliased {@code u}, with the parameters :scopeId and :scopePrefix: {@link #subtree}
     * written out as a constant for {@code @Query} annotations.
     */
    public static final String SQL = "(u.id = :scopeId or u.path like :scopePrefix or u.placed_path like :scopePrefix)";

    /**
     * {@link #subtreeByPath} on a unit aliased {@code u}, with the parameters :unitId and :unitPrefix, as a
     * constant for {@code @Query} annotations (JPQL too: the entity's properties have the columns' names).
     */
    public static final String SUBTREE_BY_PATH = "(u.id = :unitId or u.path like :unitPrefix)";

    public static final DataScope NATIONAL = new DataScope(true, -1L, "/%", List.of());
    public static final DataScope NONE = new DataScope(false, -1L, "-", List.of());

    public DataScope {
        provinceIds = provinceIds == null ? List.of() : List.copyOf(provinceIds);
    }

    /** The unit with the given id and materialised subtree prefix ("/1/25/310/") and all under it. */
    public static DataScope of(Long unitId, String subtreePrefix, List<Long> provinceIds) {
        return new DataScope(false, unitId, subtreePrefix + "%", provinceIds);
    }

    /** The unit with the given id and subtree prefix, in one province. */
    public static DataScope of(Long unitId, String subtreePrefix) {
        Long province = provinceOf(subtreePrefix);
        return of(unitId, subtreePrefix, province == null ? List.of() : List.of(province));
    }

    /**
     * "The unit and everything under it, and the units of earlier structures placed under it today" on the
     * unit aliased {@code alias}, in SQL: {@code id} and {@code prefix} are the parameters (":unitId" or "?"),
     * the prefix bound to a subtree prefix and "%" ({@link #prefix()}). Every module's SQL reads "under a
     * unit" through this or {@link #subtreeByPath}, on adminunit's view {@code unit_tree}.
     */
    public static String subtree(String alias, String id, String prefix) {
        return "(" + alias + ".id = " + id + " or " + alias + ".path like " + prefix + " or " + alias + ".placed_path like "
                + prefix + ")";
    }

    /** As {@link #subtree}, by where each unit lay in its own structure only (its path), not where it lies today. */
    public static String subtreeByPath(String alias, String id, String prefix) {
        return "(" + alias + ".id = " + id + " or " + alias + ".path like " + prefix + ")";
    }

    /** {@link #subtree}, or everything when the parameter {@code national} is true (a scope's SQL). */
    public static String inScope(String alias, String national, String id, String prefix) {
        return "(" + national + " = true or " + subtree(alias, id, prefix).substring(1);
    }

    /** The province of the scope's unit (the first id of its prefix); null for the whole country or nothing. */
    public Long provinceId() {
        return provinceOf(prefix);
    }

    /** The province of a subtree prefix ("/126/300/" or "/126/300/%" give 126); null when it names none. */
    public static Long provinceOf(String subtreePrefix) {
        String[] parts = subtreePrefix.split("/");
        return parts.length > 1 && !parts[1].isEmpty() && !parts[1].equals("%") ? Long.valueOf(parts[1]) : null;
    }

    /** True when a row attached to this unit lies inside the scope. */
    public boolean covers(ScopedUnit unit) {
        return unit != null && covers(unit.id(), unit.path(), unit.placedPath());
    }

    /** True when a row attached to the unit with this id, ancestor path and place today lies inside the scope. */
    public boolean covers(Long rowUnitId, String rowUnitPath, String rowPlacedPath) {
        if (national) {
            return true;
        }
        if (rowUnitId == null || rowUnitPath == null || !prefix.endsWith("%")) {
            return false; // NONE's prefix matches nothing, in Java as in SQL
        }
        String subtree = prefix.substring(0, prefix.length() - 1);
        return rowUnitId.equals(unitId) || rowUnitPath.startsWith(subtree)
                || (rowPlacedPath != null && rowPlacedPath.startsWith(subtree));
    }

    /**
     * True when a filter on this unit can find anything in the scope: the unit lies in it, or the scope
     * lies under the unit (a commune's user filtering on its province sees its own part). A unit sharing
     * nothing with the scope is not there for the user (404), rather than an empty answer.
     */
    public boolean overlaps(ScopedUnit unit) {
        if (national || covers(unit)) {
            return true;
        }
        if (unit == null || unit.path() == null || !prefix.endsWith("%")) {
            return false;
        }
        String own = prefix.substring(0, prefix.length() - 1);
        return own.startsWith(unit.path() + unit.id() + "/");
    }

    /** True when everything under a unit of this subtree prefix ("/1/25/") lies inside the scope. */
    public boolean coversSubtree(String subtreePrefix) {
        return national || (subtreePrefix != null && prefix.endsWith("%")
                && subtreePrefix.startsWith(prefix.substring(0, prefix.length() - 1)));
    }

    /** True when a row attached to this unit lies inside the scope by the unit's own place, not by where it lies today. */
    public boolean coversByPath(ScopedUnit unit) {
        return unit != null && covers(unit.id(), unit.path(), null);
    }

    /** True when the scope reaches rows of more than one province (a province of today that merged others). */
    public boolean spansProvinces() {
        return provinceIds.size() > 1;
    }
}
