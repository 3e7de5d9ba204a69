package vn.dvk.identity;

import vn.dvk.shared.security.Role;

import java.time.Instant;
import java.util.Set;

/** A user as administrators and the API see them: never the password hash. */
public record UserView(Long id, String username, String displayName, Long organisationId, String organisationName,
                       Long unitId, String unitName, Set<Role> roles, boolean enabled, Instant lockedUntil,
                       boolean mustChangePassword, long version) {
}
