package vn.dvk.report;

import java.util.List;
import java.util.Map;

/**
 * The figures of {@code GET /api/v1/reports/summary}: each count is of initiative-years (one
 * registration per initiative and year, so no initiative is counted twice); {@code structure} says
 * whether units are those of the year ("THEN") or today's ("TODAY"); {@code voices} counts the people's
 * feedback and proposals sent through the public portal that year about initiatives of the unit, by
 * moderation state (NEW, PUBLISHED, HIDDEN) and in all (TOTAL).
 */
public record Summary(String unit, String name, Long unitId, int year, String structure, long total, Map<String, Long> bySector,
                      Map<String, Long> byStatus, Map<String, Long> byHolder, Map<String, Long> byKind, long recognised,
                      long featured, Commendations commendations, Map<String, Long> voices, List<Row> children) {

    /** Proposed and commended collectives and individuals, by award and by deciding authority. */
    public record Commendations(long proposed, long commended, Map<String, Long> byAward, Map<String, Long> byAuthority) {
    }

    /** One child unit's figures (or, with {@code direct}, those registered at the unit itself). */
    public record Row(String unit, String name, Long unitId, boolean direct, long total, Map<String, Long> bySector,
                      Map<String, Long> byStatus, Map<String, Long> byHolder, Map<String, Long> byKind, long recognised,
                      long featured) {
    }
}
