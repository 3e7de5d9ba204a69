package vn.dvk.identity;

import vn.dvk.shared.security.Role;

import java.util.Set;

/**
 * A user as typed by an administrator; password only when creating (blank: one is generated). The
 * unit is kept by id while the code still names it, else the code's version in force today.
 */
public record UserDraft(String username, String displayName, Long organisationId, String unitCode, Long unitId, Set<Role> roles,
                        String password, Boolean enabled, Long version) {
}
