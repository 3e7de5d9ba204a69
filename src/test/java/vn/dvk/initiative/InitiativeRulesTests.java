package vn.dvk.initiative;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import vn.dvk.shared.DomainException;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The initiative guards its own rules. */
class InitiativeRulesTests {

    private static Initiative initiative(long id, Integer startYear) {
        Initiative i = new Initiative("DVK-68-00001", 1L, Instant.now());
        i.describe(new Initiative.Description("Tổ hợp tác trồng dâu nuôi tằm", Kind.MODEL, Holder.COLLECTIVE, "ECONOMY",
                10L, null, null, startYear, null, null, null, Set.of(TargetGroup.ETHNIC_MINORITY), true), "Xã Đạ M'Rông");
        ReflectionTestUtils.setField(i, "id", id);
        return i;
    }

    @Test
    void anInitiativeIsRegisteredOnceAYear() {
        Initiative i = initiative(1, 2019);
        i.register(2020, RegistrationStatus.NEW, null);
        i.register(2021, RegistrationStatus.MAINTAINED, null);
        assertThatThrownBy(() -> i.register(2021, RegistrationStatus.NEW, null))
                .isInstanceOf(DomainException.class).hasMessage("registration.duplicateYear")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(i.getRegistrations()).extracting(Registration::getYear).containsExactly(2020, 2021);
    }

    @Test
    void noRegistrationBeforeTheStartYear() {
        assertThatThrownBy(() -> initiative(1, 2021).register(2020, RegistrationStatus.NEW, null))
                .hasMessage("registration.beforeStart");
    }

    @Test
    void aDiscontinuedInitiativeTakesNoRegistrationFromThatYearOn() {
        Initiative i = initiative(1, 2019);
        i.register(2020, RegistrationStatus.NEW, null);
        assertThatThrownBy(() -> i.discontinue(2022, " ")).hasMessage("initiative.discontinueReason");
        assertThatThrownBy(() -> i.discontinue(2020, "Không còn hiệu quả")).hasMessage("initiative.registeredAfterDiscontinuation");
        i.discontinue(2022, "Không còn hiệu quả");
        i.register(2021, RegistrationStatus.MAINTAINED, null);
        assertThatThrownBy(() -> i.register(2022, RegistrationStatus.MAINTAINED, null)).hasMessage("registration.discontinued");
    }

    @Test
    void aReplicaIsNeverItsOwnPilot() {
        Initiative pilot = initiative(1, 2016);
        Initiative replica = initiative(2, 2017);
        replica.replicateFrom(pilot, List.of());
        assertThat(replica.getReplicatedFromId()).isEqualTo(1L);
        assertThatThrownBy(() -> pilot.replicateFrom(replica, List.of(1L))).hasMessage("initiative.replicaOfItself");
        assertThatThrownBy(() -> pilot.replicateFrom(pilot, List.of())).hasMessage("initiative.replicaOfItself");
    }

    @Test
    void theSearchKeyHoldsNameCodeAndLocalityWithoutDiacritics() {
        Initiative i = initiative(1, 2019);
        String key = (String) ReflectionTestUtils.getField(i, "searchKey");
        assertThat(key).contains(" to hop tac trong dau nuoi tam ", " dvk 68 00001 ", " xa da m rong ");
    }

    @Test
    void indicatorsAreOneValuePerNameAndYear() {
        Initiative i = initiative(1, 2019);
        i.measure("Hộ tham gia", "hộ", 2021, new BigDecimal("30"));
        i.measure("Hộ tham gia", "hộ", 2021, new BigDecimal("32"));
        i.measure("Hộ tham gia", "hộ", 2022, new BigDecimal("40"));
        assertThat(i.getIndicators()).extracting(Indicator::getYear, x -> x.getValue().intValue())
                .containsExactly(Tuple.tuple(2021, 32), Tuple.tuple(2022, 40));
    }

    @Test
    void theWordIndexHoldsEachWordOnceCutToItsColumn() {
        assertThat(InitiativeWords.words(" to hop tac to dau " + "x".repeat(50) + " "))
                .containsExactly("to", "hop", "tac", "dau", "x".repeat(InitiativeWords.MAX_WORD));
    }
}
