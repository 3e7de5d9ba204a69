package vn.dvk.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.OrganisationView;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;

/** What a system administrator does with users: create, edit roles and scope, disable, reset. */
@Service
@Transactional(readOnly = true)
public class UserAdministration {

    static final String OBJECT_TYPE = "USER";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AdminUnits units;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final UserSessions sessions;
    private final Clock clock;

    UserAdministration(UserAccountRepository accounts, PasswordEncoder encoder, AdminUnits units,
                       Organisations organisations, ApplicationEventPublisher events, UserSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.units = units;
        this.organisations = organisations;
        this.events = events;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A created user and, when none was given, the generated password to hand over once. */
    public record Created(UserView user, String generatedPassword) {
    }

    public Page<UserView> search(String text, int page, int size) {
        Permissions.require(Role.ADMIN);
        String like = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        Page<UserAccount> found = accounts.search(like, PageRequest.of(Math.max(0, page), size));
        return new PageImpl<>(found.getContent().stream().map(this::view).toList(), found.getPageable(), found.getTotalElements());
    }

    public UserView get(Long id) {
        Permissions.require(Role.ADMIN);
        return view(find(id));
    }

    @Transactional
    public Created create(UserDraft draft) {
        Permissions.require(Role.ADMIN);
        List<FieldProblem> problems = new ArrayList<>();
        String username = UserAccount.normalise(draft.username());
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.field("username", "user.usernameFormat"));
        } else if (accounts.findByUsername(username).isPresent()) {
            problems.add(FieldProblem.field("username", "user.usernameTaken", username));
        }
        boolean generated = draft.password() == null || draft.password().isBlank();
        String password = generated ? Passwords.generate() : draft.password();
        if (!generated) {
            problems.addAll(PasswordPolicy.check("password", password, username));
        }
        Assignment assignment = check(draft, problems);
        UserAccount account = new UserAccount(username, assignment.displayName(), encoder.encode(password), clock.instant());
        account.assign(assignment.displayName(), assignment.organisationId(), assignment.unitId(), assignment.roles());
        if (generated) {
            account.setPassword(account.getPasswordHash(), true, clock.instant());
        }
        if (draft.enabled() != null) {
            account.enable(draft.enabled());
        }
        accounts.save(account);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, OBJECT_TYPE, account.getId(), account.getUnitId(),
                account.getUsername()).withChanges(AuditEvent.diff(Map.of(), account.snapshot())));
        return new Created(view(account), generated ? password : null);
    }

    @Transactional
    public UserView update(Long id, UserDraft draft) {
        Permissions.require(Role.ADMIN);
        UserAccount account = find(id);
        if (draft.version() == null || draft.version() != account.getVersion()) {
            throw DomainException.conflict("error.stale");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Assignment assignment = check(draft, problems);
        Map<String, Object> before = account.snapshot();
        UserAccount.MayDo mayDoBefore = account.whatItMayDo();
        account.assign(assignment.displayName(), assignment.organisationId(), assignment.unitId(), assignment.roles());
        if (draft.enabled() != null) {
            account.enable(draft.enabled());
        }
        accounts.flush();
        if (!mayDoBefore.equals(account.whatItMayDo())) {
            // an administrator who changes their own roles or scope logs in again: no session keeps the rights of before
            boolean own = CurrentUser.get().map(u -> u.getUsername().equals(account.getUsername())).orElse(false);
            if (own) {
                sessions.endAll(account.getUsername());
            } else {
                sessions.endOthers(account.getUsername());
            }
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, OBJECT_TYPE, id, account.getUnitId(), account.getUsername())
                .withChanges(AuditEvent.diff(before, account.snapshot())));
        return view(account);
    }

    /**
     * Sets a new generated password the user must change at the next login, lifts a lockout and ends
     * the user's open sessions.
     */
    @Transactional
    public String resetPassword(Long id) {
        Permissions.require(Role.ADMIN);
        UserAccount account = find(id);
        String password = Passwords.generate();
        account.setPassword(encoder.encode(password), true, clock.instant());
        sessions.endOthers(account.getUsername());
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, OBJECT_TYPE, id, account.getUnitId(),
                "password reset: " + account.getUsername()));
        return password;
    }

    /** An account whose unit no longer exists, and the unit of today that continues it (where one does). */
    public record Stranded(UserView user, LocalDate unitEnded, String successorLabel) {
    }

    /** The accounts of units merged away or abolished in a reform, with the unit each would move to. */
    public List<Stranded> stranded() {
        Permissions.require(Role.ADMIN);
        LocalDate today = LocalDate.now(clock);
        List<Stranded> found = new ArrayList<>();
        for (UserAccount account : accounts.findAll(Sort.by("username"))) {
            if (account.getUnitId() == null) {
                continue;
            }
            units.findById(account.getUnitId()).filter(u -> u.validTo() != null && u.validTo().isBefore(today)).ifPresent(u -> {
                AdminUnitView successor = units.onDay(List.of(u.id()), today).get(u.id());
                found.add(new Stranded(view(account), u.validTo(),
                        successor == null || successor.id().equals(u.id()) ? "" : units.label(successor)));
            });
        }
        return found;
    }

    /**
     * Moves accounts to units of today, each named as a person types it (all or nothing: a name not
     * understood refuses the whole move, naming the account). Each move is audited and ends the
     * account's open sessions (its scope changed).
     */
    @Transactional
    public int moveAccounts(Map<Long, String> unitByAccount) {
        Permissions.require(Role.ADMIN);
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        Map<UserAccount, AdminUnitView> moves = new LinkedHashMap<>();
        unitByAccount.forEach((id, text) -> {
            UserAccount account = find(id);
            String field = "unit-" + id;
            try {
                Optional<AdminUnitView> unit = units.named(text, today);
                if (unit.isEmpty()) {
                    problems.add(FieldProblem.field(field, "user.moveUnitNotFound", account.getUsername(), text == null ? "" : text));
                } else if (!unit.get().isValidOn(today)) {
                    problems.add(FieldProblem.field(field, "user.moveUnitEnded", account.getUsername(), unit.get().fullName()));
                } else {
                    moves.put(account, unit.get());
                }
            } catch (DomainException e) {
                e.problems().forEach(p -> problems.add(FieldProblem.field(field, p.messageKey(), p.args())));
            }
        });
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        moves.forEach((account, unit) -> {
            Map<String, Object> before = account.snapshot();
            account.assign(account.getDisplayName(), account.getOrganisationId(), unit.id(), account.roleSet());
            sessions.endOthers(account.getUsername());
            events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, OBJECT_TYPE, account.getId(), unit.id(),
                    "moved to " + unit.fullName() + ": " + account.getUsername()).withChanges(AuditEvent.diff(before, account.snapshot())));
        });
        accounts.flush();
        return moves.size();
    }

    /** The code of a user's unit, for the edit form. */
    String unitCodeOf(Long unitId) {
        return units.findById(unitId).map(AdminUnitView::code).orElse(null);
    }

    private record Assignment(String displayName, Long organisationId, Long unitId, Set<Role> roles) {
    }

    private Assignment check(UserDraft draft, List<FieldProblem> problems) {
        String displayName = draft.displayName() == null ? "" : draft.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 200) {
            problems.add(FieldProblem.field("displayName", "validation.NotBlank"));
        }
        Set<Role> roles = draft.roles() == null ? Set.of() : new HashSet<>(draft.roles());
        if (roles.isEmpty()) {
            problems.add(FieldProblem.field("roles", "user.rolesRequired"));
        }
        Long unitId = null;
        String code = draft.unitCode() == null ? "" : draft.unitCode().strip();
        Optional<AdminUnitView> unit = units.resolve(draft.unitId(), code, LocalDate.now(clock));
        if (unit.isPresent()) {
            unitId = unit.get().id();
        } else if (!code.isEmpty()) {
            problems.add(FieldProblem.field("unitCode", "organisation.unitNotFound", code));
        } else if (!roles.contains(Role.ADMIN)) {
            problems.add(FieldProblem.field("unitCode", "user.unitRequired"));
        }
        if (draft.organisationId() != null && organisations.find(draft.organisationId()).isEmpty()) {
            problems.add(FieldProblem.field("organisationId", "organisation.notFound", draft.organisationId()));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        return new Assignment(displayName, draft.organisationId(), unitId, roles);
    }

    private UserAccount find(Long id) {
        return accounts.findById(id).orElseThrow(() -> DomainException.notFound("user.notFound", id));
    }

    UserView view(UserAccount account) {
        String organisationName = account.getOrganisationId() == null ? null
                : organisations.byIds(List.of(account.getOrganisationId())).values().stream()
                .map(OrganisationView::name).findFirst().orElse(null);
        String unitName = account.getUnitId() == null ? null
                : units.findById(account.getUnitId()).map(AdminUnitView::fullName).orElse(null);
        return new UserView(account.getId(), account.getUsername(), account.getDisplayName(), account.getOrganisationId(),
                organisationName, account.getUnitId(), unitName, account.roleSet(), account.isEnabled(),
                account.isLocked(clock.instant()) ? account.getLockedUntil() : null, account.mustChangePassword(),
                account.getVersion());
    }
}
