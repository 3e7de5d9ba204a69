package vn.dvk.workflow;

import java.time.LocalDate;
import java.util.List;

/** A commendation proposal as a form or the API gives it. */
public record ProposalInput(String unitCode, Long unitId, Integer year, String number, LocalDate date,
                           String proposingBody, String authority, List<ItemInput> items) {

    public record ItemInput(Long initiativeId, Award award, String achievement) {
    }
}
