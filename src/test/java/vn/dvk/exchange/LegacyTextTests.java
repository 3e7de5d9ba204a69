package vn.dvk.exchange;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyTextTests {

    private static LegacyText.Encoding detect(String... cells) {
        LegacyText.Detector detector = new LegacyText.Detector();
        for (String cell : cells) {
            detector.add(cell);
        }
        return detector.verdict();
    }

    @Test
    void tcvn3IsDetectedAndConverted() {
        // as Excel gives back text typed in .VnTime (bytes from iconv -t TCVN5712-1, read as Latin-1)
        String name = "Hîp t¸c x· trång rau c«ng nghÖ cao Phi Liªng";
        assertThat(detect(name, "Kinh tÕ", "L©m §ång", "§am R«ng")).isEqualTo(LegacyText.Encoding.TCVN3);
        assertThat(LegacyText.repair(name, LegacyText.Encoding.TCVN3)).isEqualTo("Hợp tác xã trồng rau công nghệ cao Phi Liêng");
        assertThat(LegacyText.repair("L©m §ång", LegacyText.Encoding.TCVN3)).isEqualTo("Lâm Đồng");
        assertThat(LegacyText.repair("TËp thÓ", LegacyText.Encoding.TCVN3)).isEqualTo("Tập thể");
        // a cell typed in capitals (.VnTimeH) stays in capitals
        assertThat(LegacyText.repair("Tæ HßA GI¶I", LegacyText.Encoding.TCVN3)).isEqualTo("TỔ HÒA GIẢI");
    }

    @Test
    void vniIsDetectedAndConverted() {
        String name = "Hôïp taùc xaõ troàng rau coâng ngheä cao Phi Lieâng";
        assertThat(detect(name, "Taäp theå", "Ñam Roâng")).isEqualTo(LegacyText.Encoding.VNI);
        assertThat(LegacyText.repair(name, LegacyText.Encoding.VNI)).isEqualTo("Hợp tác xã trồng rau công nghệ cao Phi Liêng");
        assertThat(LegacyText.repair("Laâm Ñoàng", LegacyText.Encoding.VNI)).isEqualTo("Lâm Đồng");
        assertThat(LegacyText.repair("Kinh teá", LegacyText.Encoding.VNI)).isEqualTo("Kinh tế");
        assertThat(LegacyText.repair("Môùi", LegacyText.Encoding.VNI)).isEqualTo("Mới");
        assertThat(LegacyText.repair("Moâ hình", LegacyText.Encoding.VNI)).isEqualTo("Mô hình");
    }

    @Test
    void unicodeTextIsLeftAloneEvenInALegacyFile() {
        List<String> unicode = List.of("Hợp tác xã trồng rau", "Mái ấm tình thương", "Hoà Bình", "Tô", "Đạ K'Nàng");
        assertThat(detect(unicode.toArray(String[]::new))).isEqualTo(LegacyText.Encoding.UNICODE);
        for (String text : unicode) {
            assertThat(LegacyText.repair(text, LegacyText.Encoding.TCVN3)).isEqualTo(text);
            assertThat(LegacyText.repair(text, LegacyText.Encoding.UNICODE)).isEqualTo(text);
        }
        // decomposed (NFD) Unicode is still Unicode
        String nfd = Normalizer.normalize("Mái ấm tình thương", Normalizer.Form.NFD);
        assertThat(detect(nfd)).isEqualTo(LegacyText.Encoding.UNICODE);
    }

    @Test
    void localityNamesLoseTheirTypeWordsAndAbbreviations() {
        assertThat(Gazetteer.core("TT. Đinh Văn")).isEqualTo("dinh van");
        assertThat(Gazetteer.core("thị trấn Đinh Văn")).isEqualTo("dinh van");
        assertThat(Gazetteer.core("Xã Phi Liêng")).isEqualTo("phi lieng");
        assertThat(Gazetteer.core("P.01")).isEqualTo("1");
        assertThat(Gazetteer.core("Phường 1")).isEqualTo("1");
        assertThat(Gazetteer.core("H. Đam Rông")).isEqualTo("dam rong");
        assertThat(Gazetteer.core("Tỉnh Lâm Đồng")).isEqualTo("lam dong");
        assertThat(Gazetteer.typeWord("P. An Bình")).isEqualTo("phuong");
        assertThat(Gazetteer.typeWord("Xã An Bình")).isEqualTo("xa");
        assertThat(Gazetteer.typeWord("TT. Đinh Văn")).isEqualTo("thi tran");
        assertThat(Gazetteer.typeWord("An Bình")).isNull();
    }
}
