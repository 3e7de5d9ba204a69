package vn.dvk.report;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.tabular.Row;
import vn.dvk.shared.tabular.TabularFile;
import vn.dvk.shared.validation.Inputs;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome indicators per unit and year, typed one by one or imported from a CSV or XLSX sheet with
 * the columns "Mã đơn vị, Năm, Chỉ tiêu, Đơn vị tính, Giá trị, Ghi chú": the whole file is checked
 * first and written in one transaction; importing the same file again changes nothing.
 */
@Service
public class OutcomeIndicators {

    static final List<String> COLUMNS = List.of("Mã đơn vị", "Năm", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Ghi chú");
    static final int MAX_ROWS = 50_000;

    private final OutcomeIndicatorRepository indicators;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutcomeIndicators(OutcomeIndicatorRepository indicators, AdminUnits units, ApplicationEventPublisher events, Clock clock) {
        this.indicators = indicators;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** An indicator as a form, the API or a sheet's row gives it; the value as typed ("81,6", "49776", "0.98"). */
    public record Input(String unitCode, Integer year, String name, String measure, String value, String note) {
    }

    public record Imported(int created, int updated, int unchanged) {
    }

    @Transactional(readOnly = true)
    public List<OutcomeView> of(AdminUnitView unit, int year) {
        Permissions.require(Role.values());
        if (unit == null) {
            return List.of();
        }
        return indicators.findByUnitIdAndYearOrderByName(unit.id(), year).stream().map(i -> i.view(unit.fullName())).toList();
    }

    @Transactional
    public OutcomeView record(Input input) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        List<FieldProblem> problems = new ArrayList<>();
        Checked checked = check(input, problems, null);
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        OutcomeIndicator indicator = write(checked, new int[3]);
        return indicator.view(checked.unit().fullName());
    }

    @Transactional
    public Imported importFile(InputStream input) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        List<Row> rows = new ArrayList<>();
        int[] header = {-1};
        Map<String, Integer> columns = new HashMap<>();
        TabularFile.read(input, row -> {
            if (header[0] < 0) {
                List<String> folded = row.cells().stream().map(VietnameseText::fold).toList();
                if (folded.contains(VietnameseText.fold(COLUMNS.get(0))) && folded.contains(VietnameseText.fold(COLUMNS.get(2)))) {
                    header[0] = (int) row.number();
                    for (String column : COLUMNS) {
                        columns.put(column, folded.indexOf(VietnameseText.fold(column)));
                    }
                }
                return;
            }
            if (!row.isBlank()) {
                if (rows.size() >= MAX_ROWS) {
                    throw DomainException.invalid("outcome.tooManyRows", String.valueOf(MAX_ROWS));
                }
                rows.add(row);
            }
        });
        if (header[0] < 0) {
            throw DomainException.invalid("outcome.noHeader", String.join(", ", COLUMNS));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        for (Row row : rows) {
            Input in = new Input(cell(row, columns, "Mã đơn vị"), parseYear(cell(row, columns, "Năm")), cell(row, columns, "Chỉ tiêu"),
                    cell(row, columns, "Đơn vị tính"), cell(row, columns, "Giá trị"), cell(row, columns, "Ghi chú"));
            Checked c = check(in, problems, row.number());
            if (c != null) {
                checked.add(c);
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "outcome.fileRefused", String.valueOf(problems.size()));
        }
        int[] counts = new int[3];
        checked.forEach(c -> write(c, counts));
        events.publishEvent(AuditEvent.of(AuditEvent.Action.IMPORT, "OUTCOME_INDICATOR", null, null,
                rows.size() + " rows: " + counts[0] + " created, " + counts[1] + " updated, " + counts[2] + " unchanged"));
        return new Imported(counts[0], counts[1], counts[2]);
    }

    /**
     * One row of a sheet brought in by the import pipeline: checked (problems name the sheet's row and
     * column) and written. Returns 0 when created, 1 updated, 2 unchanged, -1 refused.
     */
    @Transactional
    public int put(Input input, long row, List<FieldProblem> problems) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        Checked checked = check(input, problems, row);
        if (checked == null) {
            return -1;
        }
        int[] counts = new int[3];
        write(checked, counts);
        return counts[0] > 0 ? 0 : counts[1] > 0 ? 1 : 2;
    }

    private static String cell(Row row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index < 0 ? null : row.cell(index);
    }

    private static Integer parseYear(String text) {
        try {
            return text == null || text.isBlank() ? null : (int) Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final BigDecimal VALUE_LIMIT = BigDecimal.TEN.pow(16);

    private record Checked(AdminUnitView unit, int year, String name, String measure, BigDecimal value, String note) {
    }

    /** Checks one indicator; problems name the field, or the row and column of a sheet. */
    private Checked check(Input input, List<FieldProblem> problems, Long row) {
        int before = problems.size();
        int thisYear = LocalDate.now(clock).getYear();
        Integer year = input.year();
        if (year == null || year < 1990 || year > thisYear) {
            problem(problems, row, "year", "Năm", "outcome.year", thisYear);
        }
        AdminUnitView unit = null;
        String code = input.unitCode() == null ? "" : input.unitCode().strip();
        if (code.isEmpty()) {
            problem(problems, row, "unitCode", "Mã đơn vị", "validation.NotBlank");
        } else {
            FieldProblem unclear = null;
            try {
                unit = units.named(code, LocalDate.of(year == null || year < 1990 || year > thisYear ? thisYear : year, 12, 31))
                        .orElse(null);
            } catch (DomainException e) {
                unclear = e.problems().isEmpty() ? null : e.problems().get(0);
            }
            DataScope scope = CurrentUser.currentScope();
            if (unclear != null) {
                problem(problems, row, "unitCode", "Mã đơn vị", unclear.messageKey(), unclear.args());
            } else if (unit == null) {
                problem(problems, row, "unitCode", "Mã đơn vị", "organisation.unitNotFound", code);
            } else if (!scope.covers(unit)) {
                problem(problems, row, "unitCode", "Mã đơn vị", "organisation.unitOutOfScope");
            }
        }
        String name = VietnameseText.clean(input.name());
        if (name == null || name.isEmpty()) {
            problem(problems, row, "name", "Chỉ tiêu", "validation.NotBlank");
        } else if (name.length() > 300) {
            problem(problems, row, "name", "Chỉ tiêu", "validation.Size");
        }
        String measure = VietnameseText.clean(input.measure());
        if (measure != null && measure.length() > 100) {
            problem(problems, row, "measure", "Đơn vị tính", "validation.Size");
        }
        String note = VietnameseText.clean(input.note());
        if (note != null && note.length() > 500) {
            problem(problems, row, "note", "Ghi chú", "validation.Size");
        }
        BigDecimal value = null;
        String typed = input.value() == null ? "" : input.value().strip();
        if (!typed.isEmpty()) {
            value = number(typed);
            if (value == null) {
                problem(problems, row, "value", "Giá trị", "outcome.number", typed);
            } else if (value.abs().compareTo(VALUE_LIMIT) >= 0) {
                // the column is numeric(20, 4): 16 digits before the point
                problem(problems, row, "value", "Giá trị", "validation.field.Digits", Inputs.label("value"), 16, 4);
            }
        } else if (note == null || note.isEmpty()) {
            problem(problems, row, "value", "Giá trị", "outcome.valueOrNote");
        }
        return problems.size() > before ? null : new Checked(unit, year, name, emptyToNull(measure), value, emptyToNull(note));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static void problem(List<FieldProblem> problems, Long row, String field, String column, String key, Object... args) {
        problems.add(row == null ? FieldProblem.field(field, key, args) : FieldProblem.cell(row, column, key, args));
    }

    /**
     * A number as officers type it: "81,6" and "0,98" (decimal comma), "49.776,5" and "49.776" (dots
     * grouping thousands), "49776" or "547.44" (a sheet's own numbers).
     */
    public static BigDecimal number(String typed) {
        String text = typed.replace(" ", "").replace("\u00a0", "");
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.contains(",") && text.contains(".")) {
            text = text.replace(".", "").replace(',', '.');
        } else if (text.contains(",")) {
            text = text.replace(',', '.');
        } else if (text.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            text = text.replace(".", "");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private OutcomeIndicator write(Checked c, int[] counts) {
        var existing = indicators.findByUnitIdAndYearAndName(c.unit().id(), c.year(), c.name());
        OutcomeIndicator indicator = existing.orElseGet(() -> new OutcomeIndicator(c.unit().id(), c.year(), c.name()));
        boolean changed = indicator.set(c.measure(), c.value(), c.note());
        if (existing.isEmpty()) {
            counts[0]++;
        } else if (changed) {
            counts[1]++;
        } else {
            counts[2]++;
        }
        return indicators.saveAndFlush(indicator);
    }
}
