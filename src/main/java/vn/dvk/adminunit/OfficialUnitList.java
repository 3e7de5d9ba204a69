package vn.dvk.adminunit;

import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.tabular.Row;

import java.time.LocalDate;
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

    abstract LocalDate defaultEffectiveFrom();

    /** Reads one data row, adding what is wrong with it to the problems. */
    abstract void read(Row row, List<FieldProblem> problems);

    /** Writes what was read into the book; called only when no row had a problem. */
    abstract void apply(UnitBook book, LocalDate effectiveFrom, ImportReport.Tally tally);

    final void accept(Row row, List<FieldProblem> problems) {
        if (row.isBlank()) {
            return;
        }
        rows++;
        read(row, problems);
    }

    final long rows() {
        return rows;
    }

    protected String cell(Row row, String header) {
        Integer index = columns.get(header);
        return index == null ? "" : row.cell(index);
    }

    /** A required column's header as users see it, for messages. */
    protected static String column(String header) {
        return header;
    }

    /** Reads "Huyện Đam Rông (674)" as name and code. */
    protected static Optional<String[]> nameAndCode(String text) {
        Matcher m = NAME_WITH_CODE.matcher(text);
        return m.matches() ? Optional.of(new String[] {m.group(1).strip(), m.group(2)}) : Optional.empty();
    }

    /** Checks a code's shape and that one code is never given two names in the same file. */
    protected boolean checkCode(AdminUnitLevel level, String code, String name, Row row, String column,
                                List<FieldProblem> problems) {
        return checkCode("", level, code, name, row, column, problems);
    }

    /** As above, within a scope of its own ("old" and "new" units of a reform may share a code). */
    protected boolean checkCode(String scope, AdminUnitLevel level, String code, String name, Row row, String column,
                                List<FieldProblem> problems) {
        if (!level.isValidCode(code)) {
            problems.add(FieldProblem.cell(row.number(), column, "import.units.badCode", code, level.codeLength()));
            return false;
        }
        String key = scope + ":" + level + ":" + code;
        String known = nameOfCode.putIfAbsent(key, VietnameseText.spellingKey(name));
        if (known != null && !known.equals(VietnameseText.spellingKey(name))) {
            problems.add(FieldProblem.cell(row.number(), column, "import.units.codeTwoNames", code, firstRowOfCode.get(key)));
            return false;
        }
        firstRowOfCode.putIfAbsent(key, row.number());
        return true;
    }

    /** Parses a full name of a level, reporting an unknown type word. */
    protected Optional<AdminUnitType.Parsed> parseName(AdminUnitLevel level, String fullName, Row row, String column,
                                                       List<FieldProblem> problems) {
        if (fullName.isEmpty()) {
            problems.add(FieldProblem.cell(row.number(), column, "import.units.missingName"));
            return Optional.empty();
        }
        Optional<AdminUnitType.Parsed> parsed = AdminUnitType.parse(level, fullName);
        if (parsed.isEmpty()) {
            problems.add(FieldProblem.cell(row.number(), column, "import.units.unknownType", fullName));
        }
        return parsed;
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
