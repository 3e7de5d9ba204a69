package vn.dvk.shared;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTests {

    @Test
    void foldingDropsDiacriticsAndMapsDToD() {
        assertThat(VietnameseText.fold("Đam Rông")).isEqualTo("dam rong");
        assertThat(VietnameseText.fold("Mái ấm tình thương")).isEqualTo("mai am tinh thuong");
        assertThat(VietnameseText.fold("Thừa Thiên Huế")).isEqualTo("thua thien hue");
        assertThat(VietnameseText.fold("ĐỒNG ĐƯỜNG ơ ư")).isEqualTo("dong duong o u");
    }

    @Test
    void foldingTreatsPunctuationAndApostrophesAsSpaces() {
        assertThat(VietnameseText.fold("Xã Đạ M' Rong")).isEqualTo(VietnameseText.fold("xa da m'rong"));
        assertThat(VietnameseText.fold("Tuyến đường sáng - xanh - sạch")).isEqualTo("tuyen duong sang xanh sach");
    }

    @Test
    void nfdTextFromWordOrExcelFoldsAndCleansLikeNfc() {
        String nfd = Normalizer.normalize("Phường Kỳ Sơn", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Phường Kỳ Sơn");
        assertThat(VietnameseText.clean(nfd)).isEqualTo("Phường Kỳ Sơn");
        assertThat(VietnameseText.fold(nfd)).isEqualTo("phuong ky son");
        assertThat(VietnameseText.spellingKey(nfd)).isEqualTo(VietnameseText.spellingKey("Phường Kỳ Sơn"));
    }

    @Test
    void cleaningCollapsesEveryKindOfSpace() {
        assertThat(VietnameseText.clean("  Xã\u00A0 Đam\tRông 4 \n")).isEqualTo("Xã Đam Rông 4");
        assertThat(VietnameseText.clean(null)).isNull();
        assertThat(VietnameseText.isBlank("\u00A0 \u200B")).isTrue();
    }

    @Test
    void toneMarkPlacementDoesNotChangeTheSpellingKey() {
        assertThat(VietnameseText.spellingKey("Hòa Bình")).isEqualTo(VietnameseText.spellingKey("Hoà Bình"));
        assertThat(VietnameseText.spellingKey("Thủy")).isEqualTo(VietnameseText.spellingKey("Thuỷ"));
        assertThat(VietnameseText.spellingKey("HOÀ  BÌNH")).isEqualTo(VietnameseText.spellingKey("hòa bình"));
        assertThat(VietnameseText.spellingKey("Hoa Bình")).isNotEqualTo(VietnameseText.spellingKey("Hòa Bình"));
        assertThat(VietnameseText.spellingKey("Phó Bảng")).isNotEqualTo(VietnameseText.spellingKey("Phố Bảng"));
    }

    @Test
    void sortKeysFollowTheVietnameseAlphabet() {
        List<String> names = new ArrayList<>(List.of("Đồng Tâm", "Ân Thi", "Yên Mỹ", "Âu Cơ", "An Khê", "Ba Vì", "Dương Minh Châu", "Ă"));
        names.sort((a, b) -> VietnameseText.sortKey(a).compareTo(VietnameseText.sortKey(b)));
        assertThat(names).containsExactly("An Khê", "Ă", "Ân Thi", "Âu Cơ", "Ba Vì", "Dương Minh Châu", "Đồng Tâm", "Yên Mỹ");
        List<String> inMemory = new ArrayList<>(names);
        inMemory.sort(VietnameseText.order());
        assertThat(inMemory).isEqualTo(names);
    }

    @Test
    void sortKeysIgnoreNormalisationForm() {
        String nfd = Normalizer.normalize("Lục Yên", Normalizer.Form.NFD);
        assertThat(VietnameseText.sortKey(nfd)).isEqualTo(VietnameseText.sortKey("Lục Yên"));
    }

    @Test
    void foldFromTheTableIsTheSlowFold() {
        java.util.Random random = new java.util.Random(5);
        String[] samples = {"Đam Rông", "ΣΊΣΥΦΟΣ ΣΑΣ", "İstanbul", "Xã Đạ M' Rong", "Hoà\u0300 Bình – 2025!", "a\u0301\u0323b", "Œuvre ﬁn"};
        for (String sample : samples) {
            assertThat(VietnameseText.fold(sample)).as(sample).isEqualTo(VietnameseText.foldSlowly(sample));
        }
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                int pick = random.nextInt(4);
                text.append((char) (pick == 0 ? ' ' + random.nextInt(95) : pick == 1 ? 0x1EA0 + random.nextInt(96)
                        : pick == 2 ? 0x0300 + random.nextInt(0x40) : random.nextInt(0x2200)));
            }
            String sample = text.toString();
            if (sample.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
                assertThat(VietnameseText.fold(sample)).as("%s", sample.chars().mapToObj(Integer::toHexString).toList())
                        .isEqualTo(VietnameseText.foldSlowly(sample));
            }
        }
    }

    @Test
    void cleanTextIsReturnedAsItIsAndOtherTextCollapsedAndStripped() {
        java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
        java.util.Random random = new java.util.Random(7);
        char[] kinds = {' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2007', '\u202F', '\u200B', '\uFEFF', '\u2000',
                '\u3000', '\u001C', 'a', 'Đ', 'ộ', '\u0301', '-'};
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                text.append(kinds[random.nextInt(kinds.length)]);
            }
            String sample = text.toString();
            String nfc = Normalizer.normalize(sample, Normalizer.Form.NFC);
            assertThat(VietnameseText.clean(sample)).as("%s", sample.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(spaces.matcher(nfc).replaceAll(" ").strip());
        }
        String clean = "Tổ an ninh tự quản thôn 3";
        assertThat(VietnameseText.clean(clean)).isSameAs(clean);
        assertThat(VietnameseText.clean("  Tổ\u00A0 an\tninh  ")).isEqualTo("Tổ an ninh");
    }
}
