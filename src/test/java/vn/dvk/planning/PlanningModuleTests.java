package vn.dvk.planning;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.document.DocumentSettings;
import vn.dvk.initiative.Sectors;
import vn.dvk.organisation.Organisations;
import vn.dvk.report.Reports;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.SystemActor;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * The planning module alone (with the shared kernel): a period's years and a plan's unit are
 * checked by the module's own rules; the units, initiatives and reports of the other modules are mocks.
 */
@ApplicationModuleTest(extraIncludes = "shared")
class PlanningModuleTests {

    @MockitoBean
    AdminUnits units;
    @MockitoBean
    InitiativeRegistry registry;
    @MockitoBean
    Reports reports;
    @MockitoBean
    Sectors sectors;
    @MockitoBean
    Organisations organisations;
    @MockitoBean
    DocumentSettings documentSettings;

    private final Plans plans;

    PlanningModuleTests(Plans plans) {
        this.plans = plans;
    }

    private static List<String> fieldsRefused(Runnable action) {
        DomainException refused = catchThrowableOfType(DomainException.class, action::run);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
        return refused.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aPeriodOfMoreThanFifteenYearsOrOrientedToBeforeItsEndIsRefusedAndAValidOneIsKept() {
        assertThat(fieldsRefused(() -> SystemActor.run(() -> plans.addPeriod("Giai đoạn quá dài", 2021, 2040, null))))
                .containsExactly("toYear");
        assertThat(fieldsRefused(() -> SystemActor.run(() -> plans.addPeriod(" ", 2025, 2021, null))))
                .containsExactlyInAnyOrder("name", "toYear");
        assertThat(fieldsRefused(() -> SystemActor.run(() -> plans.addPeriod("Giai đoạn thử", 2026, 2030, 2029))))
                .containsExactly("orientedTo");

        Plans.PeriodView kept = SystemActor.call(() -> plans.addPeriod("  Giai đoạn   thử nghiệm mô-đun ", 2026, 2030, 2035));

        assertThat(kept.years()).containsExactly(2026, 2027, 2028, 2029, 2030);
        assertThat(kept.orientedTo()).isEqualTo(2035);
        assertThat(plans.periods()).contains(kept);
    }

    @Test
    void aPlanForAUnitNobodyKnowsIsRefusedNamingTheUnitAndThePeriod() {
        given(units.named(anyString(), any())).willReturn(Optional.empty());

        assertThat(fieldsRefused(() -> SystemActor.run(() -> plans.create(
                new Plans.PlanInput("Không Có Xã Này", -1L, "Kế hoạch thử", List.of())))))
                .containsExactlyInAnyOrder("periodId", "unitCode");
    }
}
