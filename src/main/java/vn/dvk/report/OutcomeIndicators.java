package vn.dvk.report;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.validation.Inputs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Outcome indicators per unit and year, typed one by one or brought in row by row by the exchange
 * module's import of a sheet ({@link OutcomeSheets}); an indicator of a unit and year is one row, so
 * importing the same file again changes nothing.
 */
@Service
public class OutcomeIndicators {

    private final OutcomeIndicatorRepository indicators;
    private final AdminUnits units;
    private final Clock clock;

    OutcomeIndicators(OutcomeIndicatorRepository indicators, AdminUnits units, Clock clock) {
        this.indicators = indicators;
        this.units = units;
        this.clock = clock;
    }

    /** An indicator as a form, the API or a sheet's row gives it; the value as typed ("81,6", "49776", "0.98"). */
    public record Input(String unitCode, Integer year, String name, String measure, String value, String note) {
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

    /**
     * One row of a sheet brought in by the import pipeline: checked (problems name the sheet's row and
     * column) and written. Returns 0 when created, 1 updated, 2 unchanged, -1 refused.
     */
    @Transactional
    public int put(Input input, long row, List<FieldProblem> problems) {
        Checked checked = checked(input, row, problems);
        return checked == null ? -1 : put(checked);
    }

    /**
     * One row of a sheet checked, not written, so that a sheet imported all or nothing is written only once every
     * row is checked: null when refused (problems name the sheet's row and column).
     */
    public Checked checked(Input input, long row, List<FieldProblem> problems) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        return check(input, problems, row);
    }

    /** What writing a checked indicator would do now (nothing written): 0 create, 1 update, 2 leave unchanged. */
    public int effect(Checked c) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        return indicators.findByUnitIdAndYearAndName(c.unit().id(), c.year(), c.name())
                .map(existing -> existing.differs(c.measure(), c.value(), c.note()) ? 1 : 2).orElse(0);
    }

    /** Writes a checked indicator: 0 when created, 1 updated, 2 unchanged. */
    @Transactional
    public int put(Checked checked) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        int[] counts = new int[3];
        write(checked, counts);
        return counts[0] > 0 ? 0 : counts[1] > 0 ? 1 : 2;
    }

    private static final BigDecimal VALUE_LIMIT = BigDecimal.TEN.pow(16);

    /** An indicator whose unit, year, name, value and note passed the checks. */
    public record Checked(AdminUnitView unit, int year, String name, String measure, BigDecimal value, String note) {
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
