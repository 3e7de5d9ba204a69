package vn.dvk.demo;

import org.springframework.stereotype.Component;
import vn.dvk.identity.UserDirectory;
import vn.dvk.initiative.InitiativeWorkflow;
import vn.dvk.initiative.Rating;
import vn.dvk.initiative.StepInput;
import vn.dvk.initiative.WorkflowStep;
import vn.dvk.workflow.Award;
import vn.dvk.workflow.Commendations;
import vn.dvk.workflow.DecisionInput;
import vn.dvk.workflow.ProposalInput;
import vn.dvk.workflow.Recognitions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Đam Rông 2021 facts of the workflow, taken step by step by the demo's own accounts: the 47
 * initiatives submitted and evaluated by the district's mobilisation committee, all recognised by
 * one decision of the district standing committee, then 1 individual exemplar proposed to the
 * provincial People's Committee and 4 collective models and 1 individual exemplar to the district's.
 * The facts give no decision numbers: the numbers here say they are illustrative.
 */
@Component
class DemoWorkflow {

    static final int YEAR = 2021;
    /** The economic-development exemplar the facts propose to UBND tỉnh. */
    static final String TO_PROVINCE = "dr09";
    /** The individual exemplar and the four collective models proposed to UBND huyện. */
    static final List<String> TO_DISTRICT = List.of("dr10", "dr01", "dr02", "dr03", "dr18");
    private static final Set<String> EXCELLENT = Set.of("dr01", "dr02", "dr03", "dr09", "dr10", "dr18");

    private final UserDirectory directory;
    private final InitiativeWorkflow workflow;
    private final Recognitions recognitions;
    private final Commendations commendations;

    DemoWorkflow(UserDirectory directory, InitiativeWorkflow workflow, Recognitions recognitions, Commendations commendations) {
        this.directory = directory;
        this.workflow = workflow;
        this.recognitions = recognitions;
        this.commendations = commendations;
    }

    void load(Map<String, Long> ids) {
        List<String> damRong = ids.keySet().stream().filter(k -> k.startsWith("dr")).sorted().toList();
        as("bdv.damrong", () -> damRong.forEach(key -> {
            workflow.take(ids.get(key), YEAR, WorkflowStep.SUBMIT, StepInput.none());
            boolean excellent = EXCELLENT.contains(key);
            workflow.take(ids.get(key), YEAR, WorkflowStep.EVALUATE, new StepInput(null,
                    excellent ? Rating.EXCELLENT : Rating.GOOD, BigDecimal.valueOf(excellent ? 92 : 80), null, null));
        }));
        as("btv.damrong", () -> recognitions.recognise(new DecisionInput("01-QĐ/HU (số minh họa)", LocalDate.of(2022, 1, 10),
                "Ban Thường vụ Huyện ủy Đam Rông"), damRong.stream().map(k -> new Recognitions.Item(ids.get(k), YEAR)).toList(),
                null, null));
        as("bdv.damrong", () -> {
            commendations.propose(new ProposalInput("674", null, YEAR, "02/TTr-UBND (số minh họa)", LocalDate.of(2022, 1, 14),
                    "UBND huyện Đam Rông", "UBND tỉnh Lâm Đồng", List.of(new ProposalInput.ItemInput(ids.get(TO_PROVINCE),
                    Award.BANG_KHEN, "Điển hình phát triển kinh tế hộ gia đình, giúp đỡ hộ đồng bào dân tộc thiểu số"))));
            List<ProposalInput.ItemInput> district = new ArrayList<>();
            TO_DISTRICT.forEach(k -> district.add(new ProposalInput.ItemInput(ids.get(k), Award.GIAY_KHEN,
                    "Có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\" năm 2021")));
            commendations.propose(new ProposalInput("674", null, YEAR, "05-TTr/BDVHU (số minh họa)", LocalDate.of(2022, 1, 14),
                    "Ban Dân vận Huyện ủy Đam Rông", "UBND huyện Đam Rông", district));
        });
    }

    private void as(String username, Runnable work) {
        DemoActors.as(directory, username, work);
    }
}
