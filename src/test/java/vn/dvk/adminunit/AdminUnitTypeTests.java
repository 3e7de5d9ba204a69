package vn.dvk.adminunit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminUnitTypeTests {

    @Test
    void recognisesTheTypeWordOfEachLevel() {
        assertThat(AdminUnitType.parse(AdminUnitLevel.PROVINCE, "Thành phố Hà Nội")).get()
                .extracting(AdminUnitType.Parsed::type, AdminUnitType.Parsed::name)
                .containsExactly(AdminUnitType.CENTRAL_CITY, "Hà Nội");
        assertThat(AdminUnitType.parse(AdminUnitLevel.DISTRICT, "Thành phố Hòa Bình")).get()
                .extracting(AdminUnitType.Parsed::type).isEqualTo(AdminUnitType.PROVINCIAL_CITY);
        assertThat(AdminUnitType.parse(AdminUnitLevel.COMMUNE, "Thị trấn Yên Mỹ")).get()
                .extracting(AdminUnitType.Parsed::type).isEqualTo(AdminUnitType.TOWNSHIP);
        assertThat(AdminUnitType.parse(AdminUnitLevel.DISTRICT, "Thị xã Sơn Tây")).get()
                .extracting(AdminUnitType.Parsed::type).isEqualTo(AdminUnitType.DISTRICT_TOWN);
        assertThat(AdminUnitType.parse(AdminUnitLevel.COMMUNE, "Đặc khu Côn Đảo")).get()
                .extracting(AdminUnitType.Parsed::type).isEqualTo(AdminUnitType.SPECIAL_ZONE);
        assertThat(AdminUnitType.parse(AdminUnitLevel.VILLAGE, "Tổ dân phố 3")).get()
                .extracting(AdminUnitType.Parsed::type).isEqualTo(AdminUnitType.RESIDENTIAL_GROUP);
    }

    @Test
    void readsLowerCaseAndExtraSpacesAsInTheRealLists() {
        AdminUnitType.Parsed parsed = AdminUnitType.parse(AdminUnitLevel.COMMUNE, "xã  Bắc Sơn ").orElseThrow();
        assertThat(parsed.type()).isEqualTo(AdminUnitType.COMMUNE);
        assertThat(parsed.name()).isEqualTo("Bắc Sơn");
        assertThat(parsed.fullName()).isEqualTo("Xã Bắc Sơn");
    }

    @Test
    void strictParsingRefusesAMissingTypeWordButLenientParsingRepairsAMissingDiacritic() {
        assertThat(AdminUnitType.parse(AdminUnitLevel.COMMUNE, "Xa Ea Kly")).isEmpty();
        assertThat(AdminUnitType.parseLenient(AdminUnitLevel.COMMUNE, "Xa Ea Kly")).get()
                .extracting(AdminUnitType.Parsed::fullName).isEqualTo("Xã Ea Kly");
        assertThat(AdminUnitType.parseLenient(AdminUnitLevel.COMMUNE, "Thi trấn Ngan Dừa")).get()
                .extracting(AdminUnitType.Parsed::fullName).isEqualTo("Thị trấn Ngan Dừa");
        assertThat(AdminUnitType.parseLenient(AdminUnitLevel.PROVINCE, "Quảng Trị")).isEmpty();
        assertThat(AdminUnitType.parse(AdminUnitLevel.COMMUNE, "Xã")).isEmpty();
    }

    @Test
    void levelWordsOfTheGsoListMapToTypes() {
        assertThat(AdminUnitType.ofWord(AdminUnitLevel.COMMUNE, "Thị trấn")).contains(AdminUnitType.TOWNSHIP);
        assertThat(AdminUnitType.ofWord(AdminUnitLevel.COMMUNE, "Phường")).contains(AdminUnitType.WARD);
        assertThat(AdminUnitType.ofWord(AdminUnitLevel.COMMUNE, "Huyện")).isEmpty();
    }

    @Test
    void codesGetBackTheLeadingZerosASpreadsheetDropped() {
        assertThat(AdminUnitLevel.PROVINCE.normaliseCode("1")).isEqualTo("01");
        assertThat(AdminUnitLevel.COMMUNE.normaliseCode("4894")).isEqualTo("04894");
        assertThat(AdminUnitLevel.COMMUNE.normaliseCode("4894.0")).isEqualTo("04894");
        assertThat(AdminUnitLevel.DISTRICT.isValidCode("674")).isTrue();
        assertThat(AdminUnitLevel.DISTRICT.isValidCode("67A")).isFalse();
        assertThat(AdminUnitLevel.COMMUNE.isValidCode("248861")).isFalse();
    }
}
