package vn.dvk.identity;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.util.Optional;

/** Finds users for login and turns an account into the principal every module sees. */
@Service
@Transactional(readOnly = true)
public class UserDirectory implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final AdminUnits units;
    private final Clock clock;

    UserDirectory(UserAccountRepository accounts, AdminUnits units, Clock clock) {
        this.accounts = accounts;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        return accounts.findByUsername(UserAccount.normalise(username)).map(this::principal)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** The principal of a user by name, as a login would make it (for jobs and tests). */
    public Optional<CurrentUser> principalOf(String username) {
        return accounts.findByUsername(UserAccount.normalise(username)).map(this::principal);
    }

    /** The user's e-mail address, when they gave one. */
    public Optional<String> emailOf(String username) {
        return accounts.findByUsername(UserAccount.normalise(username)).map(UserAccount::getEmail).filter(e -> !e.isBlank());
    }

    CurrentUser principal(UserAccount account) {
        return new CurrentUser(account.getId(), account.getUsername(), account.getDisplayName(), account.getPasswordHash(),
                account.roleSet(), account.getOrganisationId(), scopeOf(account), account.isEnabled(),
                account.isLocked(clock.instant()));
    }

    /** Administrators see the whole country; others their unit, everything under it and the units it continues. */
    DataScope scopeOf(UserAccount account) {
        if (account.roleSet().contains(Role.ADMIN)) {
            return DataScope.NATIONAL;
        }
        if (account.getUnitId() == null) {
            return DataScope.NONE;
        }
        return units.findById(account.getUnitId()).map(u -> DataScope.of(u.id(), u.subtreePrefix(), units.provincesReaching(u)))
                .orElse(DataScope.NONE);
    }
}
