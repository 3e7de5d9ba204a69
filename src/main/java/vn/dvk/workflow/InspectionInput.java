package vn.dvk.workflow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** An inspection as a form or the API gives it: a unit (code or id) or an initiative, and the follow-ups it leaves. */
public record InspectionInput(@Size(max = 60) String unitCode, Long unitId, Long initiativeId, @Size(max = 20) String kind,
                              LocalDate date, @Size(max = 500) String inspectors, @Size(max = 4000) String findings,
                              List<@Valid FollowUpInput> followUps) {

    public record FollowUpInput(@Size(max = 1000) String task, @Size(max = 300) String assignee, LocalDate dueOn) {
    }
}
