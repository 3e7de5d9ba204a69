package vn.dvk.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.Organisations;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo has the five districts of FACTS.md, each at its time, with the villages and owners the facts name. */
@DvkIntegrationTest
@WithUserDetails(DvkIntegrationTest.ADMIN)
class DemoDataTests {

    static final LocalDate IN_2021 = LocalDate.of(2021, 6, 1);

    @Autowired
    AdminUnits units;
    @Autowired
    Organisations organisations;

    @Test
    void theFiveDistrictsAreThereWithTheirCodesAndProvinces() {
        assertDistrict("674", "Huyện Đam Rông", "68", IN_2021);
        assertDistrict("327", "Huyện Yên Mỹ", "33", IN_2021);
        assertDistrict("453", "Huyện Tuyên Hóa", "44", LocalDate.of(2018, 9, 13));
        assertDistrict("135", "Huyện Lục Yên", "15", LocalDate.of(2024, 3, 1));
        assertDistrict("151", "Huyện Kỳ Sơn", "17", LocalDate.of(2019, 6, 1));
    }

    @Test
    void kySonOfHoaBinhEndedIn2019AndItsCommunesLiveOnInTheCity() {
        AdminUnitView kySon = units.getByCode("151", LocalDate.of(2019, 6, 1));
        assertThat(kySon.validTo()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(kySon.successorCodes()).containsExactly("148");
        List<String> communes = units.children(kySon.id(), LocalDate.of(2019, 6, 1)).stream().map(AdminUnitView::fullName).toList();
        assertThat(communes).contains("Thị trấn Kỳ Sơn", "Xã Hợp Thành", "Xã Mông Hóa", "Xã Độc Lập", "Xã Yên Quang",
                "Xã Phú Minh", "Xã Hợp Thịnh", "Xã Phúc Tiến");
        AdminUnitView hopThanh2020 = units.getByCode("04903", LocalDate.of(2020, 1, 1));
        assertThat(hopThanh2020.parentCode()).isEqualTo("148");
        assertThat(units.getByCode("04894", LocalDate.of(2020, 1, 1)).fullName()).isEqualTo("Phường Kỳ Sơn");
        assertThat(units.findByCode("151", LocalDate.of(2020, 1, 1)).orElseThrow().isValidOn(LocalDate.of(2020, 1, 1))).isFalse();
    }

    @Test
    void theVillagesTheFactsNameAreUnderTheirCommunes() {
        AdminUnitView phiLieng = units.getByCode("24886", IN_2021);
        assertThat(units.children(phiLieng.id(), IN_2021)).extracting(AdminUnitView::fullName)
                .containsExactly("Thôn Đồng Tâm", "Thôn Trung Tâm");
        AdminUnitView daMRong = units.getByCode("24859", IN_2021);
        assertThat(units.children(daMRong.id(), IN_2021)).extracting(AdminUnitView::fullName).contains("Thôn Liêng Krắc 1");
        assertThat(units.children(units.getByCode("24886", LocalDate.now()).id(), LocalDate.now()))
                .extracting(AdminUnitView::fullName).contains("Thôn Trung Tâm");
    }

    @Test
    void todaysStructureHoldsTheSuccessorsOfTheDemoCommunes() {
        assertThat(units.getByCode("24886", LocalDate.now()).fullName()).isEqualTo("Xã Đam Rông 1");
        assertThat(units.getByCode("15", LocalDate.now()).fullName()).isEqualTo("Tỉnh Lào Cai");
        assertThat(units.countValidOn(AdminUnitLevel.DISTRICT, LocalDate.now())).isZero();
    }

    @Test
    void theOwnersOfTheNamedInitiativesExist() {
        assertThat(organisations.search(new Organisations.Query("Hợp tác xã trồng rau công nghệ cao", null, "674"), 0, 10)
                .getTotalElements()).isEqualTo(1);
        assertThat(organisations.search(new Organisations.Query("Ban Thường vụ Huyện ủy", null, null), 0, 10)
                .getContent()).hasSize(5);
        assertThat(organisations.search(new Organisations.Query("Ủy ban nhân dân tỉnh", null, null), 0, 10)
                .getContent()).extracting(o -> o.name())
                .contains("Ủy ban nhân dân tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Hoà Bình");
    }

    private void assertDistrict(String code, String name, String province, LocalDate on) {
        AdminUnitView district = units.getByCode(code, on);
        assertThat(district.isValidOn(on)).isTrue();
        assertThat(district.fullName()).isEqualTo(name);
        assertThat(district.parentCode()).isEqualTo(province);
        assertThat(units.children(district.id(), on)).isNotEmpty();
    }
}
