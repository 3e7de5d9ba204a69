package vn.dvk.workflow;

import java.time.LocalDate;
import java.util.List;

/** An inspection as a form or the API gives it: a unit (code or id) or an initiative, and the follow-ups it leaves. */
public record InspectionInput(String unitCode, Long unitId, Long initiativeId, String kind, LocalDate date, String inspectors,
                              String findings, List<FollowUpInput> followUps) {

    public record FollowUpInput(String task, String assignee, LocalDate dueOn) {
    }
}
