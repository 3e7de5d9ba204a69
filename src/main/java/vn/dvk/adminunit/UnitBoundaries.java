package vn.dvk.adminunit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unit boundaries for the map, from a GeoJSON FeatureCollection the user imports (DVK ships none):
 * each feature's code property (e.g. "ma_tinh", "code") names the unit in force on the given day;
 * features of unknown codes are counted and skipped; re-importing replaces a unit's geometry.
 */
@Service
public class UnitBoundaries {

    static final long MAX_BYTES = 60L * 1024 * 1024;
    static final List<String> CODE_PROPERTIES = List.of("code", "ma", "ma_tinh", "ma_xa", "matinh", "maxa", "MaTinh", "MaXa",
            "MA_TINH", "MA_XA", "id");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate jdbc;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UnitBoundaries(NamedParameterJdbcTemplate jdbc, AdminUnits units, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    public record Imported(int features, int stored, List<String> unknownCodes) {
    }

    @Transactional
    public Imported importGeoJson(InputStream input, String codeProperty, LocalDate on) throws IOException {
        Permissions.require(Role.ADMIN);
        byte[] bytes = input.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "boundary.tooLarge", String.valueOf(MAX_BYTES / 1024 / 1024));
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw DomainException.invalid("boundary.notJson");
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString("")) || !root.path("features").isArray()) {
            throw DomainException.invalid("boundary.notFeatureCollection");
        }
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        Map<Long, String> geometries = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        int features = 0;
        for (JsonNode feature : root.path("features")) {
            features++;
            JsonNode properties = feature.path("properties");
            String code = codeOf(properties, codeProperty);
            JsonNode geometry = feature.path("geometry");
            if (code == null || !geometry.isObject()) {
                unknown.add(code == null ? "#" + features : code);
                continue;
            }
            var unit = units.findByCode(code, day).filter(u -> u.isValidOn(day));
            if (unit.isEmpty()) {
                unknown.add(code);
                continue;
            }
            geometries.put(unit.get().id(), JSON.writeValueAsString(geometry));
        }
        if (geometries.isEmpty()) {
            throw DomainException.invalid("boundary.noneMatched", String.valueOf(features),
                    codeProperty == null || codeProperty.isBlank() ? String.join(", ", CODE_PROPERTIES) : codeProperty);
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> rows = new ArrayList<>();
        geometries.forEach((id, geometry) -> rows.add(new MapSqlParameterSource("id", id).addValue("geometry", geometry)
                .addValue("now", now)));
        jdbc.batchUpdate("delete from unit_boundary where unit_id = :id", rows.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("insert into unit_boundary (unit_id, geometry, imported_at) values (:id, :geometry, :now)",
                rows.toArray(MapSqlParameterSource[]::new));
        events.publishEvent(AuditEvent.of(AuditEvent.Action.IMPORT, "UNIT_BOUNDARY", null, null,
                features + " features, " + geometries.size() + " boundaries stored, " + unknown.size() + " skipped"));
        return new Imported(features, geometries.size(), unknown.size() > 50 ? unknown.subList(0, 50) : unknown);
    }

    private static String codeOf(JsonNode properties, String codeProperty) {
        List<String> names = codeProperty == null || codeProperty.isBlank() ? CODE_PROPERTIES : List.of(codeProperty.strip());
        for (String name : names) {
            JsonNode value = properties.get(name);
            if (value != null && !value.isNull()) {
                String text = value.isNumber() ? value.asString() : value.asString("").strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The GeoJSON geometry of each unit that has one. */
    @Transactional(readOnly = true)
    public Map<Long, String> geometries(Collection<Long> unitIds) {
        Map<Long, String> found = new HashMap<>();
        if (unitIds.isEmpty()) {
            return found;
        }
        jdbc.query("select unit_id, geometry from unit_boundary where unit_id in (:ids)",
                new MapSqlParameterSource("ids", unitIds), rs -> {
                    found.put(rs.getLong("unit_id"), rs.getString("geometry"));
                });
        return found;
    }
}
