package vn.dvk.workflow;

import java.time.LocalDate;
import java.util.List;

/** An inspection as its page and the API show it. */
public record InspectionView(Long id, Long unitId, String unitName, Long initiativeId, String initiativeName, String kind,
                             LocalDate visitedOn, String inspectors, String findings, String createdBy,
                             List<FollowUpView> followUps) {

    public record FollowUpView(Long id, Long inspectionId, String task, String assignee, LocalDate dueOn, LocalDate doneOn,
                               String doneBy, boolean overdue, String unitName) {
    }
}
