package vn.dvk.demo;

import org.springframework.stereotype.Component;
import vn.dvk.identity.UserDirectory;
import vn.dvk.initiative.Holder;
import vn.dvk.initiative.InitiativeDraft;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeWorkflow;
import vn.dvk.initiative.Kind;
import vn.dvk.initiative.Rating;
import vn.dvk.initiative.RegistrationStatus;
import vn.dvk.initiative.Registrations;
import vn.dvk.initiative.StepInput;
import vn.dvk.initiative.TargetGroup;
import vn.dvk.initiative.WorkflowStep;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo in today's structure (from 1 July 2025: province and commune, no district). Đam Rông's
 * communes go on as Xã Đam Rông 1–4 of Tỉnh Lâm Đồng; the initiatives of the old communes now in
 * Xã Đam Rông 1 and 3 are kept up in 2025 and this year (MAINTAINED; those of this year move to the
 * commune of today, their earlier years stay with the old commune), and the new communes and the
 * province's Ban Tuyên giáo và Dân vận start new ones, at every step of the year's workflow. No
 * figures for 2025 and after are published: these are illustrative, and their descriptions say so.
 */
@Component
class DemoToday {

    static final int REFORM_YEAR = 2025;
    static final String NOTE = " (Số liệu minh họa của bản demo.)";
    /** The 2021 initiatives of Phi Liêng and Đạ K'Nàng (now Xã Đam Rông 1). */
    static final List<String> DAM_RONG_1 = List.of("dr01", "dr02", "dr04", "dr05", "dr16", "dr17", "dr29", "dr30", "dr37",
            "dr38", "dr43", "dr45");
    /** Those of them renewed this year already; the others wait for the commune's editor to renew them. */
    static final List<String> DAM_RONG_1_RENEWED = List.of("dr01", "dr02", "dr04", "dr16", "dr29", "dr43");
    /** The 2021 initiatives of Đạ M'Rông and Đạ Rsal (now Xã Đam Rông 3). */
    static final List<String> DAM_RONG_3 = List.of("dr03", "dr10", "dr12", "dr14", "dr20", "dr22", "dr25", "dr27", "dr33",
            "dr35", "dr41", "dr44");

    private record New(String key, String name, Kind kind, Holder holder, String sector, String unitKey, String organisationKey,
                       int startYear, String description) {
    }

    private final InitiativeRegistry registry;
    private final Registrations registrations;
    private final InitiativeWorkflow workflow;
    private final UserDirectory directory;
    private final Clock clock;

    DemoToday(InitiativeRegistry registry, Registrations registrations, InitiativeWorkflow workflow, UserDirectory directory,
              Clock clock) {
        this.registry = registry;
        this.registrations = registrations;
        this.workflow = workflow;
        this.directory = directory;
        this.clock = clock;
    }

    void load(Map<String, Long> initiatives, Map<String, Long> unitIds, Map<String, Long> organisationIds) {
        int year = Math.max(LocalDate.now(clock).getYear(), REFORM_YEAR + 1);
        Map<String, Long> ids = new HashMap<>(initiatives);
        List<New> fresh = List.of(
                new New("t01", "Tổ phụ nữ tiết kiệm giúp nhau giảm nghèo xã Đam Rông 1", Kind.MODEL, Holder.COLLECTIVE, "ECONOMY",
                        "24886@2025-07-01", "n24886-pn", REFORM_YEAR,
                        "Hội viên góp tiết kiệm hằng tháng, cho hộ khó khăn vay xoay vòng không lãi để phát triển chăn nuôi."),
                new New("t02", "Câu lạc bộ dân ca, dân vũ đồng bào K'Ho xã Đam Rông 4", Kind.MODEL, Holder.COLLECTIVE,
                        "CULTURE_SOCIETY", "24853@2025-07-01", "n24853-ubnd", REFORM_YEAR,
                        "Giữ gìn cồng chiêng, dân ca, dân vũ của đồng bào K'Ho; sinh hoạt mỗi tháng tại nhà văn hóa thôn."),
                new New("t03", "Vận động hiến đất mở rộng đường liên thôn xã Đam Rông 1", Kind.MODEL, Holder.COLLECTIVE, "NEW_RURAL",
                        "24886@2025-07-01", "n24886-ubnd", year,
                        "Cán bộ thôn đến từng hộ vận động hiến đất, góp ngày công mở rộng đường liên thôn Trung Tâm – Đồng Tâm."),
                new New("t04", "Chi hội nông dân trồng cà phê sinh thái xã Đam Rông 2", Kind.MODEL, Holder.COLLECTIVE, "ECONOMY",
                        "24877@2025-07-01", "n24877-ubnd", year,
                        "Liên kết hộ trồng cà phê theo hướng hữu cơ, bao tiêu sản phẩm, chia sẻ kỹ thuật giữa các hộ."),
                new New("t05", "Tổ an ninh trật tự cơ sở tự quản xã Đam Rông 3", Kind.MODEL, Holder.COLLECTIVE, "DEFENCE_SECURITY",
                        "24875@2025-07-01", "n24875-ubnd", year,
                        "Tổ tự quản tuần tra, hòa giải mâu thuẫn ở thôn, phối hợp công an xã giữ an ninh trật tự."),
                new New("t06", "Chuyển đổi số trong công tác dân vận của Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng", Kind.MODEL,
                        Holder.COLLECTIVE, "POLITICAL_SYSTEM", "68", "p68-btgdv", year,
                        "Nắm tình hình nhân dân qua nền tảng số, kết nối cán bộ dân vận các xã, phường."));
        as("btgdv.lamdong", () -> {
            DAM_RONG_1.forEach(k -> registrations.register(ids.get(k), REFORM_YEAR, RegistrationStatus.MAINTAINED, null));
            DAM_RONG_3.forEach(k -> registrations.register(ids.get(k), REFORM_YEAR, RegistrationStatus.MAINTAINED, null));
            for (New n : fresh) {
                Long id = registry.create(new InitiativeDraft(null, n.name(), n.kind(), n.holder(), n.sector(), null,
                        unitIds.get(n.unitKey()), organisationIds.get(n.organisationKey()), "Cán bộ Ban Tuyên giáo và Dân vận phụ trách địa bàn",
                        n.startYear(), n.description() + NOTE, null, null, Set.of(TargetGroup.ETHNIC_MINORITY), false, null))
                        .initiative().id();
                ids.put(n.key(), id);
                registrations.register(id, n.startYear(), RegistrationStatus.NEW, null);
                if (n.startYear() < year) {
                    registrations.register(id, year, RegistrationStatus.MAINTAINED, null);
                }
            }
            DAM_RONG_1_RENEWED.forEach(k -> registrations.register(ids.get(k), year, RegistrationStatus.MAINTAINED, null));
            registrations.renew("24875", year);
        });
        as("xa.damrong1", () -> workflow.take(ids.get("dr01"), year, WorkflowStep.SUBMIT, StepInput.none()));
        as("btgdv.lamdong", () -> {
            for (String k : List.of("dr14", "dr22", "t04", "t05")) {
                workflow.take(ids.get(k), year, WorkflowStep.SUBMIT, StepInput.none());
                workflow.take(ids.get(k), year, WorkflowStep.EVALUATE, new StepInput(null, Rating.GOOD, BigDecimal.valueOf(85.5),
                        null, null));
            }
            workflow.take(ids.get("t01"), year, WorkflowStep.SUBMIT, StepInput.none());
            workflow.take(ids.get("t02"), year, WorkflowStep.SUBMIT, StepInput.none());
        });
    }

    private void as(String username, Runnable work) {
        DemoActors.as(directory, username, work);
    }
}
