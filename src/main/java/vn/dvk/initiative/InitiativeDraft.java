package vn.dvk.initiative;

import jakarta.validation.constraints.Size;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An initiative as typed in a form or sent to the API. The unit is kept by id while the code (if
 * given) still names it, else the code's version in force today. Code blank: one is generated.
 * It knows the rules of its own fields, so that a form, the API and an import refuse the same drafts.
 */
public record InitiativeDraft(@Size(max = 30) String code, @Size(max = 300) String name, Kind kind, Holder holder,
                              @Size(max = 40) String sector, @Size(max = 60) String unitCode,
                              Long unitId, Long organisationId, @Size(max = 200) String responsibleOfficer,
                              Integer startYear, @Size(max = 4000) String description, @Size(max = 4000) String method,
                              @Size(max = 4000) String results, Set<TargetGroup> targetGroups,
                              Boolean featured, Long version) {

    static final int MAX_NAME = 300;
    static final int MAX_TEXT = 4000;
    static final int FIRST_YEAR = 1945;

    /** The rules of the draft's own fields (nothing read but the sectors), added to {@code problems}. */
    void checkFields(List<FieldProblem> problems, Predicate<String> knownSector, int thisYear) {
        String name = cleanName();
        if (name == null || name.isEmpty()) {
            problems.add(FieldProblem.field("name", "validation.NotBlank"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.field("name", "validation.Size"));
        }
        if (kind == null) {
            problems.add(FieldProblem.field("kind", "validation.NotNull"));
        }
        if (holder == null) {
            problems.add(FieldProblem.field("holder", "validation.NotNull"));
        }
        if (!knownSector.test(sector)) {
            problems.add(FieldProblem.field("sector", blank(sector) ? "validation.NotNull" : "sector.unknown", sector));
        }
        if (startYear != null && !plausibleStart(thisYear)) {
            problems.add(FieldProblem.field("startYear", "initiative.startYearRange", FIRST_YEAR, thisYear + 1));
        }
        for (var text : Map.of("description", nz(description), "method", nz(method), "results", nz(results)).entrySet()) {
            if (text.getValue().length() > MAX_TEXT) {
                problems.add(FieldProblem.field(text.getKey(), "validation.Size"));
            }
        }
        if (hasCode() && !code.strip().matches("[\\p{L}\\p{N}._/-]{1,30}")) {
            problems.add(FieldProblem.field("code", "initiative.codeFormat"));
        }
    }

    /** The year the draft's unit must exist in: its start year when plausible, else this year. */
    int workYear(int thisYear) {
        return startYear != null && plausibleStart(thisYear) ? startYear : thisYear;
    }

    /** The day a unit typed for a year is looked up on: today in the current year, else the year's last day. */
    static LocalDate workDay(int year, LocalDate today) {
        return year == today.getYear() ? today : LocalDate.of(year, 12, 31);
    }

    /** What the initiative is described as, in the unit the draft was resolved to. */
    Initiative.Description description(AdminUnitView unit) {
        return new Initiative.Description(cleanName(), kind, holder, sector, unit.id(), organisationId, responsibleOfficer,
                startYear, description, method, results, targetGroups, Boolean.TRUE.equals(featured));
    }

    String cleanName() {
        return VietnameseText.clean(name);
    }

    boolean hasCode() {
        return !blank(code);
    }

    private boolean plausibleStart(int thisYear) {
        return startYear >= FIRST_YEAR && startYear <= thisYear + 1;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
