package vn.dvk.workflow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import vn.dvk.shared.validation.PlausibleYear;
import java.time.LocalDate;
import java.util.List;

/** A commendation proposal as a form or the API gives it. */
public record ProposalInput(@Size(max = 60) String unitCode, Long unitId, @PlausibleYear Integer year, @Size(max = 60) String number,
                            LocalDate date, @Size(max = 300) String proposingBody, @Size(max = 300) String authority,
                            List<@Valid ItemInput> items) {

    public record ItemInput(Long initiativeId, Award award, @Size(max = 2000) String achievement) {
    }
}
