package vn.dvk.workflow;

import java.time.LocalDate;

public record DecisionView(Long id, String kind, String number, LocalDate date, String issuingBody, Long unitId,
                           String fileName, String citation) {
}
