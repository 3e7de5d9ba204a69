package vn.dvk.shared.office;

import org.junit.jupiter.api.Test;
import vn.dvk.shared.office.OfficialDocument.Style;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How numbers, dates, names inside sentences and file names are written on an office's documents. */
class OfficialDocumentTests {

    private static OfficialDocument of(Style style, String number, String place, LocalDate date) {
        return new OfficialDocument(style, null, "Ban Dân vận", number, place, date, "BÁO CÁO", null, List.of(),
                new OfficialDocument.Signature(null, "Trưởng ban", null), List.of(), null);
    }

    @Test
    void numbersFollowEachStyle() {
        assertThat(OfficialDocument.number(Style.PARTY, 24, "BC", "BDVHU")).isEqualTo("24-BC/BDVHU");
        assertThat(OfficialDocument.number(Style.STATE, 6, "QĐ", "UBND")).isEqualTo("6/QĐ-UBND");
        assertThat(of(Style.PARTY, "24-BC/BDVHU", "Đam Rông", null).numberLine()).isEqualTo("Số 24-BC/BDVHU");
        assertThat(of(Style.STATE, "6/QĐ-UBND", "Đam Rông", null).numberLine()).isEqualTo("Số: 6/QĐ-UBND");
        assertThat(OfficialDocument.number(Style.PARTY, null, "BC", "BDVHU")).matches("\\s+-BC/BDVHU");
    }

    @Test
    void theDateLineHasItsPlaceAndLeadingZerosAndStaysVisiblyEmptyWithoutADate() {
        assertThat(of(Style.PARTY, null, "Đam Rông", LocalDate.of(2022, 1, 5)).dateLine()).isEqualTo("Đam Rông, ngày 05 tháng 01 năm 2022");
        assertThat(of(Style.PARTY, null, "Đam Rông", LocalDate.of(2021, 12, 15)).dateLine())
                .isEqualTo("Đam Rông, ngày 15 tháng 12 năm 2021");
        assertThat(of(Style.PARTY, null, "Đam Rông", null).dateLine()).matches("Đam Rông, ngày\\s+tháng\\s+năm\\s+");
    }

    @Test
    void unitsAreWrittenInLowerCaseInsideSentencesAndAsAsciiInFileNames() {
        assertThat(OfficialDocument.inSentence("Huyện Đam Rông", "Huyện")).isEqualTo("huyện Đam Rông");
        assertThat(OfficialDocument.inSentence("Tỉnh Lâm Đồng", "Tỉnh")).isEqualTo("tỉnh Lâm Đồng");
        assertThat(OfficialDocument.inSentence("Thành phố Đà Lạt", "Thành phố")).isEqualTo("thành phố Đà Lạt");
        assertThat(OfficialDocument.slug("Huyện Đam Rông")).isEqualTo("huyen-dam-rong");
        assertThat(OfficialDocument.slug("Xã Đạ M' Rông")).isEqualTo("xa-da-m-rong");
    }

    @Test
    void eachStyleHasItsMargins() {
        assertThat(OfficialLayout.marginsMm(Style.PARTY)).containsExactly(25, 25, 35, 15);
        assertThat(OfficialLayout.marginsMm(Style.STATE)).containsExactly(20, 20, 30, 15);
    }
}
