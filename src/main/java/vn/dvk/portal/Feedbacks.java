package vn.dvk.portal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.Inserts;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The people's voice: feedback and proposals visitors send about a public initiative, kept private
 * until an officer answers and publishes them. Without any third-party service, spam is held off by
 * a signed form token (a form sent within seconds of being shown, or a day later, is refused), a
 * field people never see (bots fill it), and a limit per visitor (by a keyed hash of the address).
 */
@Service
public class Feedbacks {

    static final Duration TOO_FAST = Duration.ofSeconds(3);
    static final Duration TOO_OLD = Duration.ofDays(1);
    static final int PER_TEN_MINUTES = 3;
    static final int PER_DAY = 20;

    public enum Kind { FEEDBACK, PROPOSAL }

    public enum State { NEW, PUBLISHED, HIDDEN }

    public record FeedbackView(long id, long initiativeId, String initiativeName, String kind, String authorName, String phone,
                               String text, String state, String answer, String answeredBy, Instant answeredAt, Instant createdAt,
                               long version) {
    }

    /** What the public page shows of a published item: no name, no phone. */
    public record PublicFeedback(String kind, String text, String answer, Instant createdAt, Instant answeredAt) {
    }

    public record Sent(long id) {
    }

    private final JdbcTemplate jdbc;
    private final PublicInitiatives publics;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile byte[] key;

    Feedbacks(JdbcTemplate jdbc, PublicInitiatives publics, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.publics = publics;
        this.events = events;
        this.clock = clock;
    }

    /** The signing key, the same on every node (kept in the database, made on first use). */
    private byte[] key() {
        if (key == null) {
            List<String> found = jdbc.queryForList("select secret_value from app_secret where name = 'portal-form'", String.class);
            if (found.isEmpty()) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    jdbc.update("insert into app_secret (name, secret_value) values ('portal-form', ?)", HexFormat.of().formatHex(random));
                } catch (DuplicateKeyException e) {
                    // another node made it first
                }
                found = jdbc.queryForList("select secret_value from app_secret where name = 'portal-form'", String.class);
            }
            key = HexFormat.of().parseHex(found.get(0));
        }
        return key;
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for the form shown now about this initiative. */
    public String formToken(long initiativeId) {
        String issued = initiativeId + "." + clock.instant().toEpochMilli();
        return issued + "." + sign(issued);
    }

    /** A keyed hash of the visitor's address: counts their messages without keeping the address. */
    String clientKey(String address) {
        return sign("client:" + address).substring(0, 64);
    }

    /** Takes a visitor's message; refused (with the reason) when it looks automated or comes too often. */
    @Transactional
    public Sent send(long initiativeId, String kind, String name, String phone, String text, String trap, String token, String address) {
        if (!publics.isPublic(initiativeId)) {
            throw DomainException.notFound("initiative.notFound", initiativeId);
        }
        String[] parts = token == null ? new String[0] : token.split("\\.");
        boolean signed = parts.length == 3 && MessageDigest.isEqual(sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8),
                parts[2].getBytes(StandardCharsets.UTF_8)) && parts[0].equals(String.valueOf(initiativeId));
        Instant issued = signed ? Instant.ofEpochMilli(Long.parseLong(parts[1])) : null;
        Instant now = clock.instant();
        if (!signed || (trap != null && !trap.isBlank()) || issued.isAfter(now.minus(TOO_FAST)) || issued.isBefore(now.minus(TOO_OLD))) {
            throw DomainException.invalid("feedback.refused");
        }
        String client = clientKey(address == null ? "" : address);
        Long recent = jdbc.queryForObject("select count(*) from feedback where client_key = ? and created_at > ?", Long.class, client,
                Timestamp.from(now.minus(Duration.ofMinutes(10))));
        Long today = jdbc.queryForObject("select count(*) from feedback where client_key = ? and created_at > ?", Long.class, client,
                Timestamp.from(now.minus(Duration.ofDays(1))));
        if (recent >= PER_TEN_MINUTES || today >= PER_DAY) {
            throw new DomainException(DomainException.Kind.CONFLICT, "feedback.tooMany");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String body = VietnameseText.clean(text);
        if (body == null || body.length() < 10) {
            problems.add(FieldProblem.field("text", "feedback.textShort", 10));
        } else if (body.length() > 2000) {
            problems.add(FieldProblem.field("text", "validation.Size"));
        }
        String cleanName = VietnameseText.clean(name);
        if (cleanName != null && cleanName.length() > 100) {
            problems.add(FieldProblem.field("name", "validation.Size"));
        }
        String cleanPhone = phone == null ? "" : phone.replaceAll("[\\s.-]", "");
        if (!cleanPhone.isEmpty() && !cleanPhone.matches("\\+?\\d{8,15}")) {
            problems.add(FieldProblem.field("phone", "feedback.phone"));
        }
        Kind k;
        try {
            k = Kind.valueOf(kind == null ? "FEEDBACK" : kind);
        } catch (IllegalArgumentException e) {
            k = Kind.FEEDBACK;
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        long id = Inserts.returningId(jdbc, "insert into feedback (initiative_id, kind, author_name, phone, text, state, client_key,"
                        + " created_at) values (?, ?, ?, ?, ?, 'NEW', ?, ?)", initiativeId, k.name(), emptyToNull(cleanName),
                emptyToNull(cleanPhone), body, client, Timestamp.from(now));
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "FEEDBACK", id, null, "góp ý về mô hình " + initiativeId));
        return new Sent(id);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Feedback on initiatives in the officer's scope, newest first (optionally of one state). */
    public List<FeedbackView> inScope(String state, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select f.*, i.name as initiative_name").append(scoped(args));
        if (state != null && !state.isBlank()) {
            sql.append(" and f.state = ?");
            args.add(state);
        }
        sql.append(" order by f.created_at desc limit ").append(Math.max(1, limit));
        return jdbc.query(sql.toString(), (rs, n) -> view(rs), args.toArray());
    }

    /** One item, when the officer's scope covers its initiative. */
    private Optional<FeedbackView> inScope(long id) {
        List<Object> args = new ArrayList<>();
        String sql = "select f.*, i.name as initiative_name" + scoped(args) + " and f.id = ?";
        args.add(id);
        return jdbc.query(sql, (rs, n) -> view(rs), args.toArray()).stream().findFirst();
    }

    /**
     * "from … where" of the feedback on initiatives in the current officer's scope (a unit editor: those of
     * their organisation), its arguments added to {@code args}.
     */
    private static String scoped(List<Object> args) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        DataScope scope = user.scope();
        StringBuilder sql = new StringBuilder(" from feedback f join initiative_fact i on i.id = f.initiative_id"
                + " join unit_tree u on u.id = i.unit_id where " + DataScope.inScope("u", "?", "?", "?"));
        args.addAll(List.of(scope.national(), scope.unitId(), scope.prefix(), scope.prefix()));
        if (!user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER)) {
            sql.append(" and i.organisation_id = ?");
            args.add(user.organisationId());
        }
        return sql.toString();
    }

    private static FeedbackView view(ResultSet rs) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new FeedbackView(rs.getLong("id"), rs.getLong("initiative_id"), rs.getString("initiative_name"), rs.getString("kind"),
                rs.getString("author_name"), rs.getString("phone"), rs.getString("text"), rs.getString("state"), rs.getString("answer"),
                rs.getString("answered_by"), answered == null ? null : answered.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }

    /** Answers an item and publishes it with its answer, or hides it; the officer's scope must cover the initiative. */
    @Transactional
    public FeedbackView moderate(long id, String answer, State state, Long version) {
        FeedbackView item = inScope(id).orElseThrow(() -> DomainException.notFound("feedback.notFound", id));
        if (version == null || version != item.version()) {
            throw DomainException.conflict("error.stale");
        }
        String clean = VietnameseText.clean(answer);
        if (state == State.PUBLISHED && (clean == null || clean.isEmpty())) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("answer", "feedback.answerRequired")),
                    "error.validation");
        }
        if (clean != null && clean.length() > 2000) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("answer", "feedback.answerLong", 2000)),
                    "error.validation");
        }
        String user = CurrentUser.get().map(CurrentUser::getUsername).orElse("?");
        // only from the version read: another moderator's answer saved meanwhile is not overwritten
        int changed = jdbc.update("update feedback set answer = ?, state = ?, answered_by = ?, answered_at = ?, version = version + 1"
                        + " where id = ? and version = ?", emptyToNull(clean), state.name(),
                clean == null || clean.isEmpty() ? item.answeredBy() : user,
                clean == null || clean.isEmpty() ? null : Timestamp.from(clock.instant()), id, version);
        if (changed == 0) {
            throw DomainException.conflict("error.stale");
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.STATE_CHANGE, "FEEDBACK", id, null, state.name()));
        return inScope(id).orElseThrow();
    }

    /** The published items of a public initiative, with their answers (no names, no phones). */
    List<PublicFeedback> published(long initiativeId) {
        return jdbc.query("select kind, text, answer, created_at, answered_at from feedback where initiative_id = ? and state = 'PUBLISHED'"
                + " order by created_at desc", (rs, n) -> new PublicFeedback(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()), initiativeId);
    }

    /** Counts by state in the officer's scope (for the moderation page and the reports). */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (State s : State.values()) {
            counts.put(s.name(), 0L);
        }
        List<Object> args = new ArrayList<>();
        jdbc.query("select f.state, count(*)" + scoped(args) + " group by f.state",
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), args.toArray());
        return counts;
    }
}
