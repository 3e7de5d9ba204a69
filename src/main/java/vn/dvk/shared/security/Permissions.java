package vn.dvk.shared.security;

import vn.dvk.shared.DomainException;

/** Refusals for an action the current user's roles do not allow (403 in the API). */
public final class Permissions {

    private Permissions() {
    }

    /** The current user, who must hold one of the roles. */
    public static CurrentUser require(Role... anyOf) {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> forbidden());
        if (!user.hasAny(anyOf)) {
            throw forbidden();
        }
        return user;
    }

    /** Refuses unless the row's unit lies inside the current user's scope (answered as not found, so nothing leaks). */
    public static void requireInScope(ScopedUnit unit, String notFoundKey, Object id) {
        if (!CurrentUser.currentScope().covers(unit)) {
            throw DomainException.notFound(notFoundKey, id);
        }
    }

    /** 404 unless a filter on this unit can find anything in the caller's scope ({@link DataScope#overlaps}). */
    public static void requireOverlap(ScopedUnit unit, String notFoundKey, Object id) {
        if (!CurrentUser.currentScope().overlaps(unit)) {
            throw DomainException.notFound(notFoundKey, id);
        }
    }

    public static DomainException forbidden() {
        return new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
    }
}
