package vn.dvk.workflow;

import java.time.LocalDate;

/** A decision as a form or the API gives it. */
public record DecisionInput(String number, LocalDate date, String issuingBody) {
}
