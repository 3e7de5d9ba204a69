package vn.dvk.initiative;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.audit.AuditTrail;
import vn.dvk.organisation.OrganisationView;
import vn.dvk.organisation.Organisations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The change history of an initiative in words, from its audit entries and the imports that wrote it:
 * "Loại: Mô hình → Điển hình", "Địa bàn: Xã Phi Liêng → Xã Đam Rông 1", never the stored codes and ids.
 */
@Service
class InitiativeHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LONG_TEXT = 160;
    private static final Set<String> TEXT_FIELDS = Set.of("description", "method", "results");

    private final AuditTrail audit;
    private final Sectors sectors;
    private final AdminUnits units;
    private final Organisations organisations;
    private final MessageSource messages;

    InitiativeHistory(AuditTrail audit, Sectors sectors, AdminUnits units, Organisations organisations, MessageSource messages) {
        this.audit = audit;
        this.sectors = sectors;
        this.units = units;
        this.organisations = organisations;
        this.messages = messages;
    }

    /** One entry: when, who, what was done, and each changed field with its values in words. */
    record Line(Instant at, String actor, String action, String summary, String importedFile, List<Change> changes) {
    }

    record Change(String field, String before, String after) {
    }

    List<Line> of(Long initiativeId) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> sectorLabels = sectors.all().stream()
                .collect(Collectors.toMap(Sectors.SectorView::code, Sectors.SectorView::label));
        List<Line> lines = new ArrayList<>();
        for (AuditTrail.EntryView e : audit.historyOf(InitiativeRegistry.OBJECT_TYPE, initiativeId)) {
            boolean imported = "IMPORT".equals(e.action());
            lines.add(new Line(e.at(), e.actor(), e.action(), e.summary(),
                    imported ? e.objectId() : null, imported ? List.of() : changes(e.changes(), sectorLabels, locale)));
        }
        return lines;
    }

    private List<Change> changes(String json, Map<String, String> sectorLabels, Locale locale) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode fields;
        try {
            fields = JSON.readTree(json);
        } catch (RuntimeException e) {
            // a change list cut short by the audit trail's limit is no longer JSON: show it as it is
            return List.of(new Change("", null, json));
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            String name = field.getKey();
            changes.add(new Change(message("history.field." + name, name, locale),
                    value(name, text(field.getValue().get("before")), sectorLabels, locale),
                    value(name, text(field.getValue().get("after")), sectorLabels, locale)));
        }
        return changes;
    }

    private String value(String field, String raw, Map<String, String> sectorLabels, Locale locale) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return switch (field) {
            case "kind" -> message("kind." + raw, raw, locale);
            case "holder" -> message("holder." + raw, raw, locale);
            case "workflowState" -> message("state." + raw, raw, locale);
            case "status" -> message("status." + raw, raw, locale);
            case "sector" -> sectorLabels.getOrDefault(raw, raw);
            case "featured" -> message("true".equals(raw) ? "common.yes" : "common.no", raw, locale);
            case "unitId" -> id(raw) == null ? raw : units.findById(id(raw)).map(AdminUnitView::fullName).orElse(raw);
            case "organisationId" -> organisation(raw);
            case "targetGroups" -> targetGroups(raw, locale);
            default -> TEXT_FIELDS.contains(field) && raw.length() > LONG_TEXT ? raw.substring(0, LONG_TEXT - 1) + "…" : raw;
        };
    }

    private String organisation(String raw) {
        Long id = id(raw);
        if (id == null) {
            return raw;
        }
        OrganisationView found = organisations.byIds(List.of(id)).get(id);
        return found == null ? raw : found.name();
    }

    /** "[ETHNIC_MINORITY, RELIGIOUS]" as the areas' names; "[]" as none. */
    private String targetGroups(String raw, Locale locale) {
        String inner = raw.replace("[", "").replace("]", "").strip();
        if (inner.isEmpty()) {
            return message("common.none", "-", locale);
        }
        return Arrays.stream(inner.split(",")).map(String::strip)
                .map(g -> message("targetGroup." + g, g, locale)).collect(Collectors.joining(", "));
    }

    private String message(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Long id(String raw) {
        try {
            return Long.valueOf(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
