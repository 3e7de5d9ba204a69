package vn.dvk.shared;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that must appear in the audit trail, published by the module that did it inside the
 * same transaction. The audit module adds who, when and from where.
 *
 * @param unitId  the unit the object belongs to, for the scope of who may read the entry (null: administrators only)
 * @param changes changed fields, each with its value before and after
 */
public record AuditEvent(Action action, String objectType, String objectId, Long unitId, String summary,
                         Map<String, Change> changes, Related related) {

    public AuditEvent(Action action, String objectType, String objectId, Long unitId, String summary, Map<String, Change> changes) {
        this(action, objectType, objectId, unitId, summary, changes, null);
    }

    /** Other objects the entry concerns, so their history shows it too (e.g. the initiatives an import wrote). */
    public record Related(String objectType, Collection<String> objectIds) {
    }

    public enum Action { CREATE, UPDATE, DELETE, STATE_CHANGE, IMPORT, EXPORT, LOGIN, LOGIN_FAILED, LOGOUT }

    public record Change(String before, String after) {
    }

    public static AuditEvent of(Action action, String objectType, Object objectId, Long unitId, String summary) {
        return new AuditEvent(action, objectType, objectId == null ? null : objectId.toString(), unitId, summary, Map.of());
    }

    /** The fields whose values differ between the two snapshots (same keys, in order). */
    public static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (var entry : after.entrySet()) {
            Object old = before == null ? null : before.get(entry.getKey());
            if (!Objects.equals(old, entry.getValue())) {
                changes.put(entry.getKey(), new Change(old == null ? null : old.toString(),
                        entry.getValue() == null ? null : entry.getValue().toString()));
            }
        }
        return changes;
    }

    public AuditEvent withChanges(Map<String, Change> changed) {
        return new AuditEvent(action, objectType, objectId, unitId, summary, changed, related);
    }

    public AuditEvent withRelated(Related objects) {
        return new AuditEvent(action, objectType, objectId, unitId, summary, changes, objects);
    }
}
