package vn.dvk.adminunit;

import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.tabular.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One of the statistics office's files: recognised by its header, read row by row, then applied. */
abstract class OfficialUnitList {

    private static final Pattern NAME_WITH_CODE = Pattern.compile("^(.*?)\\s*\\((\\d+)\\)\\s*$");

    protected final Map<String, Integer> columns;
    private long rows;
    private final Map<String, Long> firstRowOfCode = new HashMap<>();
    private final Map<String, String> nameOfCode = new HashMap<>();

    protected OfficialUnitList(Map<String, Integer> columns) {
        this.columns = columns;
    }

    /** Finds the list whose header this row is, if any. */
    static Optional<OfficialUnitList> recognise(Row row) {
        Map<String, Integer> headers = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String key = VietnameseText.fold(row.cell(i));
            if (!key.isEmpty()) {
                headers.putIfAbsent(key, i);
            }
        }
        if (headers.containsKey("ma xa moi") && headers.containsKey("ma xa cu")) {
            return Optional.of(new ConversionTable(headers));
        }
        if (headers.containsKey("ma px") && headers.containsKey("ma qh") && headers.containsKey("ma tp")) {
            return Optional.of(new GsoUnitList(headers));
        }
        return Optional.empty();
    }

    abstract String kind();

    abstract LocalDate defaultEffectiveFrom(LocalDate today);

    /** Reads one data row, adding what is wrong with it to the findings. */
    abstract void read(Row row, Findings findings);

    /** Writes what was read into the book; called only when no row had a problem. */
    abstract void apply(UnitBook book, LocalDate effectiveFrom, ImportReport.Tally tally);

    final void accept(Row row, Findings findings) {
        if (row.isBlank()) {
            return;
        }
        rows++;
        read(row, findings);
    }

    /** Errors (the file is refused) and warnings (repaired or ignored, reported to the user) of a read. */
    static final class Findings {
        final List<FieldProblem> errors = new ArrayList<>();
        final List<FieldProblem> warnings = new ArrayList<>();

        void error(long row, String column, String key, Object... args) {
            errors.add(FieldProblem.cell(row, column, key, args));
        }

        void warning(long row, String column, String key, Object... args) {
            warnings.add(FieldProblem.cell(row, column, key, args));
        }

        int errorCount() {
            return errors.size();
        }
    }

    final long rows() {
        return rows;
    }

    protected String cell(Row row, String header) {
        Integer index = columns.get(header);
        return index == null ? "" : row.cell(index);
    }

    /** Reads "Huyện Đam Rông (674)" as name and code. */
    protected static Optional<String[]> nameAndCode(String text) {
        Matcher m = NAME_WITH_CODE.matcher(text);
        return m.matches() ? Optional.of(new String[] {m.group(1).strip(), m.group(2)}) : Optional.empty();
    }

    /**
     * Checks a code's shape and that one code is never given two names in the same file, within a
     * scope ("old" and "new" units of a reform may share a code). Where {@code strict} is false a
     * second name is only a warning and the first name stands: the official 2025 table itself
     * gives three old codes two names each.
     */
    protected boolean checkCode(String scope, boolean strict, AdminUnitLevel level, String code, String name, Row row,
                                String column, Findings findings) {
        if (!level.isValidCode(code)) {
            findings.error(row.number(), column, "import.units.badCode", code, level.codeLength());
            return false;
        }
        String key = scope + ":" + level + ":" + code;
        String known = nameOfCode.putIfAbsent(key, VietnameseText.spellingKey(name));
        firstRowOfCode.putIfAbsent(key, row.number());
        if (known != null && !known.equals(VietnameseText.spellingKey(name))) {
            String firstRow = String.valueOf(firstRowOfCode.get(key));
            if (strict) {
                findings.error(row.number(), column, "import.units.codeTwoNames", code, firstRow);
                return false;
            }
            findings.warning(row.number(), column, "import.units.codeTwoNamesKept", code, name, firstRow);
        }
        return true;
    }

    /**
     * Parses a full name of a level. A type word typed without diacritics is accepted; a name with no
     * type word at all is taken as the level's usual type (Tỉnh, Huyện, Xã); both are reported as warnings.
     */
    protected Optional<AdminUnitType.Parsed> parseName(AdminUnitLevel level, String fullName, Row row, String column,
                                                       Findings findings) {
        if (fullName.isEmpty()) {
            findings.error(row.number(), column, "import.units.missingName");
            return Optional.empty();
        }
        Optional<AdminUnitType.Parsed> exact = AdminUnitType.parse(level, fullName);
        if (exact.isPresent()) {
            return exact;
        }
        AdminUnitType.Parsed repaired = AdminUnitType.parseLenient(level, fullName)
                .orElseGet(() -> new AdminUnitType.Parsed(AdminUnitType.defaultOf(level), fullName));
        findings.warning(row.number(), column, "import.units.nameRepaired", fullName, repaired.fullName());
        return Optional.of(repaired);
    }

    /** Finds the version in force on the day and brings its name and parent up to the list, or creates it. */
    protected static AdminUnit upsert(UnitBook book, AdminUnitType.Parsed parsed, String code, AdminUnit parent,
                                      LocalDate day, ImportReport.Tally tally) {
        AdminUnitLevel level = parsed.type().level();
        Optional<AdminUnit> existing = book.validOn(level, code, day);
        if (existing.isEmpty()) {
            AdminUnit created = book.create(parsed.type(), code, parsed.name(), parent,
                    book.freeStartBefore(level, code, day), book.freeEndAfter(level, code, day));
            tally.created(created);
            return created;
        }
        AdminUnit unit = existing.get();
        boolean changed = false;
        if (unit.isNamedOtherThan(parsed.type(), parsed.name())) {
            unit.rename(parsed.type(), parsed.name());
            changed = true;
        }
        changed |= book.move(unit, parent);
        if (changed) {
            tally.updated(unit);
        } else {
            tally.unchanged(unit);
        }
        return unit;
    }
}
