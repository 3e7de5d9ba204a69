package vn.dvk.workflow;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A decision as a form or the API gives it. */
public record DecisionInput(@Size(max = 60) String number, LocalDate date, @Size(max = 300) String issuingBody) {
}
