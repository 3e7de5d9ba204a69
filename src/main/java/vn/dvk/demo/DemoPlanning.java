package vn.dvk.demo;

import org.springframework.stereotype.Component;
import vn.dvk.identity.UserDirectory;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.planning.Conferences;
import vn.dvk.planning.Metric;
import vn.dvk.planning.Movements;
import vn.dvk.planning.Plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steering side of the demo facts: the periods 2016–2018 and 2023–2025 (oriented to 2030); the
 * Tuyên Hóa experience-exchange conference of 13/9/2018 with papers on its three named initiatives;
 * Yên Bái's scheme 13-ĐA/TU of 16/3/2023 as Lục Yên's plan, whose 2024 targets per commune the 421
 * registrations meet; and the linked movements the facts name (Kỳ Sơn's youth and women's unions).
 */
@Component
class DemoPlanning {

    private final UserDirectory directory;
    private final Plans plans;
    private final Conferences conferences;
    private final Movements movements;
    private final InitiativeRegistry initiatives;

    DemoPlanning(UserDirectory directory, Plans plans, Conferences conferences, Movements movements, InitiativeRegistry initiatives) {
        this.directory = directory;
        this.plans = plans;
        this.conferences = conferences;
        this.movements = movements;
        this.initiatives = initiatives;
    }

    void load(Map<String, Long> ids) {
        DemoActors.as(directory, "quantri.demo", () -> {
            Plans.PeriodView first = plans.addPeriod("2016–2018", 2016, 2018, null);
            plans.addPeriod("2021–2025", 2021, 2025, null);
            Plans.PeriodView scheme = plans.addPeriod("2023–2025, định hướng đến năm 2030", 2023, 2025, 2030);

            List<Conferences.Paper> papers = new ArrayList<>();
            for (String key : List.of("th1", "th2", "th3")) {
                var initiative = initiatives.get(ids.get(key));
                papers.add(new Conferences.Paper("Kinh nghiệm xây dựng và nhân rộng mô hình \"" + initiative.name() + "\"",
                        initiative.unitName(), List.of(initiative.code())));
            }
            conferences.record(new Conferences.ConferenceInput(Conferences.Kind.EXCHANGE,
                    "Hội nghị trao đổi kinh nghiệm xây dựng, nhân rộng mô hình \"Dân vận khéo\" giai đoạn 2016–2018",
                    LocalDate.of(2018, 9, 13), "Ban Thường vụ Huyện ủy Tuyên Hóa", "453", first.id(),
                    "Phó Trưởng Ban Dân vận Tỉnh ủy Quảng Bình; lãnh đạo huyện Tuyên Hóa; các cơ quan, đơn vị báo cáo tham luận",
                    "Tiếp tục xây dựng, nhân rộng các mô hình; quan tâm vùng đồng bào dân tộc thiểu số, vùng có đạo và giúp đỡ"
                            + " các thôn, bản khó khăn.", papers));

            Plans.PlanView plan = plans.create(new Plans.PlanInput("135", scheme.id(),
                    "Kế hoạch thực hiện Đề án phong trào thi đua \"Dân vận khéo\" huyện Lục Yên giai đoạn 2023–2025",
                    List.of(new Plans.Document("13-ĐA/TU", LocalDate.of(2023, 3, 16), "Tỉnh ủy Yên Bái", "Đề án"))));
            // targets for 2024: what each commune registered, so the 421 registrations meet them
            Plans.Progress progress = plans.progress(plan.id());
            List<Plans.Target> targets = new ArrayList<>();
            for (Plans.ProgressRow row : progress.rows()) {
                long registered = plans.actualOf(plan.id(), row.unitId(), 2024, Metric.REGISTERED);
                if (registered > 0) {
                    targets.add(new Plans.Target(row.unitId(), 2024, Metric.REGISTERED, (int) registered));
                }
            }
            plans.setTargets(plan.id(), targets, null);

            movements.link(ids.get("ks21"), Set.of("YOUTH_VOLUNTEERS"));
            movements.link(ids.get("ks22"), Set.of("WOMEN_FAMILY_ECONOMY"));
        });
    }
}
