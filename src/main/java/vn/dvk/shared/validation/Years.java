package vn.dvk.shared.validation;

import org.springframework.stereotype.Component;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The sane range of years everywhere: 1945 to next year (by the application's clock). */
@Component
public class Years {

    public static final int FIRST = 1945;

    private final Clock clock;

    Years(Clock clock) {
        this.clock = clock;
    }

    public int last() {
        return LocalDate.now(clock).getYear() + 1;
    }

    public boolean plausible(int year) {
        return year >= FIRST && year <= last();
    }

    /** The problem of a year out of range, naming the field; null when it is in range (or absent). */
    public FieldProblem problem(String field, Integer year) {
        return year == null || plausible(year) ? null
                : FieldProblem.field(field, "validation.PlausibleYear", Inputs.label(field), FIRST, last());
    }

    /** Refuses a year out of range as invalid input naming the field. */
    public void require(String field, Integer year) {
        FieldProblem problem = problem(field, year);
        if (problem != null) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(problem), "error.validation");
        }
    }
}
