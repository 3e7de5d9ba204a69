package vn.dvk.report;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.initiative.Sectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the charts of a summary draw (static/js/dashboard.js: by sector, by year, by child unit),
 * as the JSON block a page carries so that it keeps its no-inline-script policy. The registrations
 * of the unit itself are not a child of it and stay out of the child chart.
 */
@Component
public class ReportCharts {

    public static final int YEARS = 10;
    static final int CHILDREN = 20;

    private final Reports reports;
    private final Sectors sectors;
    private final JsonMapper json;

    ReportCharts(Reports reports, Sectors sectors, JsonMapper json) {
        this.reports = reports;
        this.sectors = sectors;
        this.json = json;
    }

    /** The chart data of a summary and the ten years up to it; "</" is escaped so that no text can close the JSON block. */
    public String of(Summary summary) {
        return of(summary, reports.trendOfUnit(summary.unitId(), Math.max(1990, summary.year() - YEARS + 1), summary.year()));
    }

    String of(Summary summary, Trend trend) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Map<String, Object>> bySector = new ArrayList<>();
        sectors.all().forEach(s -> bySector.add(Map.of("name", s.label(), "value", summary.bySector().getOrDefault(s.code(), 0L))));
        data.put("bySector", bySector);
        data.put("years", trend.years().stream().map(Trend.Year::year).toList());
        data.put("totals", trend.years().stream().map(Trend.Year::total).toList());
        data.put("newByYear", trend.years().stream().map(y -> y.byStatus().getOrDefault("NEW", 0L)).toList());
        List<Summary.Row> children = summary.children().stream().filter(r -> !r.direct() && r.total() > 0)
                .sorted(Comparator.comparingLong(Summary.Row::total).reversed()).limit(CHILDREN).toList();
        data.put("children", children.stream().map(Summary.Row::name).toList());
        data.put("childTotals", children.stream().map(Summary.Row::total).toList());
        return json.writeValueAsString(data).replace("</", "<\\/");
    }
}
