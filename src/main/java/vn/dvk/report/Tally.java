package vn.dvk.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds up counted rows into the figures of a summary line. */
final class Tally {

    long total;
    long recognised;
    long featured;
    final Map<String, Long> bySector = new LinkedHashMap<>();
    final Map<String, Long> byStatus = new LinkedHashMap<>();
    final Map<String, Long> byHolder = new LinkedHashMap<>();
    final Map<String, Long> byKind = new LinkedHashMap<>();

    Tally(List<String> sectors) {
        sectors.forEach(s -> bySector.put(s, 0L));
        byStatus.put("NEW", 0L);
        byStatus.put("MAINTAINED", 0L);
        byHolder.put("COLLECTIVE", 0L);
        byHolder.put("INDIVIDUAL", 0L);
        byKind.put("MODEL", 0L);
        byKind.put("EXEMPLAR", 0L);
    }

    void add(Counted row) {
        total += row.count();
        bySector.merge(row.sector(), row.count(), Long::sum);
        byStatus.merge(row.status(), row.count(), Long::sum);
        byHolder.merge(row.holder(), row.count(), Long::sum);
        byKind.merge(row.kind(), row.count(), Long::sum);
        if (row.recognised()) {
            recognised += row.count();
        }
        if (row.featured()) {
            featured += row.count();
        }
    }

    /**
     * One group of the report's GROUP BY: registrations of a unit with the same sector, status, kind, holder, flag
     * and whether the year was recognised (registration_count's "recognised", V30).
     */
    record Counted(Long unitId, String sector, String status, String kind, String holder, boolean featured, boolean recognised,
                   long count) {
    }
}
