package vn.dvk.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.dvk.shared.security.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who logs in: their organisation, the unit that bounds what they see, their roles. */
@Entity
@Table(name = "user_account")
class UserAccount {

    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
    @SequenceGenerator(name = "user_account_seq", sequenceName = "user_account_seq", allocationSize = 50)
    private Long id;
    private String username;
    /** Where notifications are e-mailed, when a mail server is configured; set by the user. */
    private String email;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "organisation_id")
    private Long organisationId;
    @Column(name = "unit_id")
    private Long unitId;
    private String roles;
    private boolean enabled = true;
    @Column(name = "failed_attempts")
    private int failedAttempts;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "must_change_password")
    private boolean mustChangePassword;
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String passwordHash, Instant now) {
        this.username = normalise(username);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    static String normalise(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    void changeEmail(String email) {
        this.email = email;
    }

    String getEmail() {
        return email;
    }

    void assign(String displayName, Long organisationId, Long unitId, Set<Role> roles) {
        this.displayName = displayName;
        this.organisationId = organisationId;
        this.unitId = unitId;
        this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    void setPassword(String hash, boolean temporary, Instant now) {
        this.passwordHash = hash;
        this.mustChangePassword = temporary;
        this.passwordChangedAt = now;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Counts a failed login; the fifth in a row locks the account for a quarter of an hour. Guesses
     * while it is locked do not count: they neither prolong the lock nor start the next count.
     */
    void failedLogin(Instant now) {
        if (isLocked(now)) {
            return;
        }
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            lockedUntil = now.plus(LOCKOUT);
            failedAttempts = 0;
        }
    }

    void succeededLogin() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    Set<Role> roleSet() {
        if (roles == null || roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** What a session of this user acts with, besides the name: when it changes, open sessions end. */
    record MayDo(String roles, Long organisationId, Long unitId, boolean enabled) {
    }

    MayDo whatItMayDo() {
        return new MayDo(roles, organisationId, unitId, enabled);
    }

    /** The fields an audit entry compares. */
    Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("displayName", displayName);
        fields.put("organisationId", organisationId);
        fields.put("unitId", unitId);
        fields.put("roles", roles);
        fields.put("enabled", enabled);
        return fields;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Long getOrganisationId() {
        return organisationId;
    }

    Long getUnitId() {
        return unitId;
    }

    boolean isEnabled() {
        return enabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    long getVersion() {
        return version;
    }
}
