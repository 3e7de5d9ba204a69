package vn.dvk.report;

import java.util.List;
import java.util.Map;

/**
 * A unit's figures over a period: how many initiatives took part in any year of it (each once),
 * and each year's total by sector and by new/maintained.
 */
public record Trend(String unit, String name, int from, int to, long initiatives, List<Year> years) {

    public record Year(int year, long total, Map<String, Long> bySector, Map<String, Long> byStatus) {
    }
}
