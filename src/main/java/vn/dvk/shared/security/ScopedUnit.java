package vn.dvk.shared.security;

/**
 * What a scope check needs of a unit: its id, the path of its ancestors' ids ("/1/25/") and, for a
 * unit that no longer exists, where it lies in today's structure ({@code placedPath}, the subtree
 * prefix of the unit of today that continues it; null for a unit in force).
 */
public interface ScopedUnit {

    Long id();

    String path();

    String placedPath();
}
