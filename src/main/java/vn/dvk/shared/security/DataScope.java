package vn.dvk.shared.security;

import java.io.Serial;
import java.io.Serializable;

/**
 * The part of the data a user may see: a unit and everything under it, the whole country, or
 * nothing. Queries join the unit of each row and keep it when {@link #covers} holds, in SQL as
 * {@code (:national = true or u.id = :unitId or u.path like :prefix)}.
 */
public record DataScope(boolean national, Long unitId, String prefix) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final DataScope NATIONAL = new DataScope(true, -1L, "/%");
    public static final DataScope NONE = new DataScope(false, -1L, "-");

    /** The unit with the given id and materialised subtree prefix ("/1/25/310/") and all under it. */
    public static DataScope of(Long unitId, String subtreePrefix) {
        return new DataScope(false, unitId, subtreePrefix + "%");
    }

    /** True when a row attached to the unit with this id and ancestor path lies inside the scope. */
    public boolean covers(Long rowUnitId, String rowUnitPath) {
        if (national) {
            return true;
        }
        if (rowUnitId == null || rowUnitPath == null) {
            return false;
        }
        return rowUnitId.equals(unitId) || rowUnitPath.startsWith(prefix.substring(0, prefix.length() - 1));
    }
}
