package vn.dvk.demo;

import org.springframework.stereotype.Component;
import vn.dvk.identity.UserDirectory;
import vn.dvk.initiative.InitiativeWorkflow;
import vn.dvk.initiative.Rating;
import vn.dvk.initiative.StepInput;
import vn.dvk.initiative.WorkflowStep;
import vn.dvk.portal.Stories;
import vn.dvk.workflow.DecisionInput;
import vn.dvk.workflow.Recognitions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public portal of the demo: the Phi Liêng high-tech vegetable co-op and the Liêng Krắc 1
 * silkworm group (recognised with Đam Rông's 47) listed with a published story each; the Hợp Thành
 * land-consensus pilot and its replicas in Kỳ Sơn recognised for 2019 (one decision; "số minh họa" —
 * the facts give no number) and listed, the pilot with its story. Texts keep to the facts.
 */
@Component
class DemoPortal {

    static final String CO_OP = "dr01";
    static final String SILKWORM = "dr03";
    static final String PILOT = "ks47";
    static final List<String> REPLICAS = List.of("ks48", "ks49", "ks50", "ks51", "ks52", "ks53", "ks54");

    private final UserDirectory directory;
    private final InitiativeWorkflow workflow;
    private final Recognitions recognitions;
    private final Stories stories;

    DemoPortal(UserDirectory directory, InitiativeWorkflow workflow, Recognitions recognitions, Stories stories) {
        this.directory = directory;
        this.workflow = workflow;
        this.recognitions = recognitions;
        this.stories = stories;
    }

    void load(Map<String, Long> ids) {
        List<String> kySon = new ArrayList<>(REPLICAS);
        kySon.add(0, PILOT);
        DemoActors.as(directory, "quantri.demo", () -> {
            kySon.forEach(key -> {
                workflow.take(ids.get(key), 2019, WorkflowStep.SUBMIT, StepInput.none());
                workflow.take(ids.get(key), 2019, WorkflowStep.EVALUATE, new StepInput(null, Rating.GOOD, BigDecimal.valueOf(85),
                        null, null));
            });
            recognitions.recognise(new DecisionInput("15-QĐ/HU (số minh họa)", LocalDate.of(2020, 1, 15),
                    "Ban Thường vụ Huyện ủy Kỳ Sơn"), kySon.stream().map(k -> new Recognitions.Item(ids.get(k), 2019)).toList(),
                    null, null);
            kySon.forEach(key -> stories.list(ids.get(key), true));
            publish(ids.get(PILOT), "Hợp Thành: đồng thuận về đất đai từ mô hình điểm đến cả huyện",
                    "Mô hình \"Đồng thuận giữa chính quyền và người dân trong quản lý và sử dụng đất\" bắt đầu ở xã Hợp Thành"
                            + " năm 2016 và được nhân rộng ra mọi xã, thị trấn của huyện Kỳ Sơn.",
                    "<p>Năm 2016, xã Hợp Thành chọn việc quản lý và sử dụng đất làm mô hình điểm \"Dân vận khéo\": chính quyền"
                            + " công khai, bàn bạc với người dân từ đầu, để dân biết, dân bàn, dân làm và dân kiểm tra.</p>"
                            + "<h3>Nhân rộng</h3><p>Từ mô hình điểm của Hợp Thành, cách làm được nhân rộng ra mọi xã và thị trấn"
                            + " của huyện Kỳ Sơn.</p>");
        });
        DemoActors.as(directory, "bdv.lamdong", () -> {
            stories.list(ids.get(CO_OP), true);
            stories.list(ids.get(SILKWORM), true);
            publish(ids.get(CO_OP), "Phi Liêng: hợp tác xã trồng rau công nghệ cao của thôn Trung Tâm",
                    "Ở xã Phi Liêng, huyện Đam Rông, người dân thôn Trung Tâm cùng góp sức trồng rau công nghệ cao;"
                            + " cách làm được nhân rộng sang thôn Đồng Tâm.",
                    "<p>Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm là một trong 47 mô hình, điển hình \"Dân vận khéo\""
                            + " của huyện Đam Rông năm 2021, được Ban Thường vụ Huyện ủy công nhận.</p>"
                            + "<p>Thôn Đồng Tâm học tập và làm theo, cũng xây dựng hợp tác xã trồng rau công nghệ cao.</p>");
            publish(ids.get(SILKWORM), "Liêng Krắc 1: tổ hợp tác trồng dâu nuôi tằm của đồng bào dân tộc thiểu số",
                    "Tổ hợp tác trồng dâu nuôi tằm thôn Liêng Krắc 1, xã Đạ M'Rông là một trong năm tổ dâu tằm tiêu biểu của"
                            + " huyện Đam Rông năm 2021.",
                    "<p>Đồng bào dân tộc thiểu số thôn Liêng Krắc 1 liên kết trồng dâu, nuôi tằm trong một tổ hợp tác.</p>"
                            + "<p>Năm 2021, huyện Đam Rông có 5 tổ hợp tác trồng dâu nuôi tằm tiêu biểu; tất cả 47 mô hình, điển hình"
                            + " của năm đều được Ban Thường vụ Huyện ủy công nhận.</p>");
        });
    }

    private void publish(long initiativeId, String title, String lead, String body) {
        Stories.StoryView story = stories.save(initiativeId, null, new Stories.StoryDraft(title, lead, body, null));
        stories.publish(story.id(), true);
    }
}
