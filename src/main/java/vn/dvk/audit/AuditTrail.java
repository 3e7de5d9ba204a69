package vn.dvk.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Appends every {@link AuditEvent} in the transaction of the change it records (a rolled-back change
 * leaves no entry), reads the trail inside the reader's scope, and verifies the hash chain. Entries are
 * chained after their transaction commits, by {@link AuditSealer}, so writers never wait for each other.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    static final int MAX_CHANGES = 8000;
    static final int MAX_SUMMARY = 500;
    private static final int VERIFY_CHUNK = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditEntryRepository entries;
    private final AuditHeadRepository heads;
    private final AuditSealer sealer;
    private final AdminUnits units;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    AuditTrail(AuditEntryRepository entries, AuditHeadRepository heads, AuditSealer sealer, AdminUnits units, Clock clock,
               JdbcTemplate jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.heads = heads;
        this.sealer = sealer;
        this.units = units;
        this.clock = clock;
    }

    /** What a reader sees of an entry. */
    public record EntryView(long seq, Instant at, String actor, String ip, String action, String objectType,
                            String objectId, Long unitId, String summary, String changes) {
    }

    /** Filters of the trail; every field is optional. */
    public record Query(String actor, String action, String objectType, Instant from, Instant to) {
    }

    /**
     * The result of walking the chain: {@code checked} entries chained, the first broken place in the
     * chain and why ("missing", "chain", "content", "tail"), and {@code pending} entries written but not
     * yet chained (committed while the walk ran).
     */
    public record Verification(boolean intact, long checked, Long firstBrokenSeq, String reason, long pending) {
    }

    @EventListener
    @Transactional
    public void record(AuditEvent event) {
        String unitPath = event.unitId() == null ? null
                : units.findById(event.unitId()).map(AdminUnitView::subtreePrefix).orElse(null);
        AuditEntry entry = new AuditEntry(null, clock.instant(), actor(event), ip(),
                event.action().name(), event.objectType(), event.objectId(), event.unitId(), unitPath,
                truncate(event.summary(), MAX_SUMMARY), changes(event.changes()));
        entries.save(entry);
        relate(entry.getSeq(), event.related());
    }

    private void relate(long seq, AuditEvent.Related related) {
        if (related == null || related.objectIds() == null || related.objectIds().isEmpty()) {
            return;
        }
        entries.flush();
        List<Object[]> rows = related.objectIds().stream().distinct()
                .map(id -> new Object[] {seq, related.objectType(), id}).toList();
        jdbc.batchUpdate("insert into audit_related (seq, object_type, object_id) values (?, ?, ?)", rows);
    }

    public Page<EntryView> search(Query query, int page, int size) {
        CurrentUser user = CurrentUser.get().orElseThrow(Permissions::forbidden);
        DataScope scope = user.scope();
        Instant from = query.from() == null ? Instant.EPOCH : query.from();
        Instant to = query.to() == null ? Instant.parse("9999-12-31T00:00:00Z") : query.to();
        Page<AuditEntry> found = entries.search(scope.national(), scope.unitId(), scope.prefix(), user.getUsername(),
                blankToNull(query.actor()), blankToNull(query.action()), blankToNull(query.objectType()), from, to,
                PageRequest.of(Math.max(0, page), size));
        List<EntryView> views = found.getContent().stream().map(AuditTrail::view).toList();
        return new PageImpl<>(views, found.getPageable(), found.getTotalElements());
    }

    /** The changes of one object, newest first, for its page (the caller has already checked the object's scope). */
    public List<EntryView> historyOf(String objectType, Object objectId) {
        List<AuditEntry> own = entries.findByObjectTypeAndObjectIdOrderBySeqDesc(objectType, String.valueOf(objectId));
        List<Long> related = jdbc.queryForList("select seq from audit_related where object_type = ? and object_id = ?",
                Long.class, objectType, String.valueOf(objectId));
        if (related.isEmpty()) {
            return own.stream().map(AuditTrail::view).toList();
        }
        List<AuditEntry> all = new ArrayList<>(own);
        all.addAll(entries.findAllById(related));
        return all.stream().sorted(Comparator.comparingLong(AuditEntry::getSeq).reversed())
                .map(AuditTrail::view).toList();
    }

    /**
     * Chains what is committed, then walks the whole chain: each place taken in turn, each entry's hash
     * matching its content and the previous entry's hash, the head at the last entry.
     */
    public Verification verify() {
        Permissions.require(Role.ADMIN);
        sealer.seal();
        String previousHash = "0".repeat(64);
        long expectedSeq = 1;
        long checked = 0;
        List<AuditEntry> chunk = entries.chunkAfter(0, PageRequest.of(0, VERIFY_CHUNK));
        while (!chunk.isEmpty()) {
            for (AuditEntry entry : chunk) {
                if (entry.getChainNo() != expectedSeq) {
                    return broken(checked, expectedSeq, "missing");
                }
                if (!entry.getPrevHash().equals(previousHash)) {
                    return broken(checked, expectedSeq, "chain");
                }
                if (!entry.computeHash().equals(entry.getHash())) {
                    return broken(checked, expectedSeq, "content");
                }
                previousHash = entry.getHash();
                expectedSeq++;
                checked++;
            }
            chunk = entries.chunkAfter(expectedSeq - 1, PageRequest.of(0, VERIFY_CHUNK));
        }
        AuditHead head = heads.findById(1).orElseThrow();
        if (head.getLastChainNo() != checked || !head.getLastHash().equals(previousHash)) {
            return broken(checked, checked + 1, "tail");
        }
        return new Verification(true, checked, null, null, entries.countByChainNoIsNull());
    }

    private Verification broken(long checked, long place, String reason) {
        return new Verification(false, checked, place, reason, entries.countByChainNoIsNull());
    }

    private static String actor(AuditEvent event) {
        return CurrentUser.get().map(CurrentUser::getUsername).orElse(
                event.action() == AuditEvent.Action.LOGIN_FAILED ? "anonymous" : "system");
    }

    private static String ip() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String changes(Map<String, AuditEvent.Change> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        return truncate(JSON.writeValueAsString(changes), MAX_CHANGES);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static EntryView view(AuditEntry e) {
        return new EntryView(e.getSeq(), e.getAt(), e.getActor(), e.getIp(), e.getAction(), e.getObjectType(),
                e.getObjectId(), e.getUnitId(), e.getSummary(), e.getChanges());
    }
}
