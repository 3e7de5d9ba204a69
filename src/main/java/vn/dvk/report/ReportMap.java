package vn.dvk.report;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.adminunit.UnitBoundaries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The summary's child units as a GeoJSON FeatureCollection for the map: each unit's imported boundary and its total. */
@Component
public class ReportMap {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UnitBoundaries boundaries;

    ReportMap(UnitBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    /** Whether any child of the summary has a boundary (else the page shows no map). */
    public boolean drawable(Summary summary) {
        return !boundaries.geometries(summary.children().stream().filter(r -> !r.direct()).map(Summary.Row::unitId).toList())
                .isEmpty();
    }

    public String featureCollection(Summary summary) {
        List<Summary.Row> rows = summary.children().stream().filter(r -> !r.direct()).toList();
        Map<Long, String> geometries = boundaries.geometries(rows.stream().map(Summary.Row::unitId).toList());
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (Summary.Row row : rows) {
            String geometry = geometries.get(row.unitId());
            if (geometry == null) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", row.unit());
            properties.put("name", row.name());
            properties.put("total", row.total());
            json.append(first ? "" : ",").append("{\"type\":\"Feature\",\"properties\":")
                    .append(JSON.writeValueAsString(properties)).append(",\"geometry\":").append(geometry).append('}');
            first = false;
        }
        return json.append("]}").toString();
    }
}
