package vn.dvk.exchange;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Vietnamese text typed in the legacy 8-bit fonts and read as Unicode: TCVN3 (ABC, ".VnTime") and
 * VNI-Windows ("VNI-Times"). A spreadsheet keeps the bytes the font drew, so Excel gives them back
 * as Latin-1 letters: "Hîp t¸c x·" is TCVN3 for "Hợp tác xã", "Hôïp taùc xaõ" is VNI.
 *
 * <p>A file is judged as a whole ({@link Detector}): letters only the legacy encodings produce
 * ("¸µ¶·¹¨©ª«¬­®" for TCVN3, "øûïåäëüæîñö" after vowels for VNI) against letters only Unicode has
 * (ơ ư đ ă ạ ả …). Each cell of a legacy file that has no Unicode-only letter is then converted.
 * Conversion tables: TCVN3 from the TCVN 5712:1993 byte table (as glibc's iconv TCVN5712-1 reads
 * bytes A1–FF); VNI from its base-letter-plus-mark scheme. Words typed in capitals in TCVN3
 * (".VnTimeH" fonts draw lower-case codes as capitals) are put back in capitals.
 */
final class LegacyText {

    enum Encoding { UNICODE, TCVN3, VNI }

    private LegacyText() {
    }

    // TCVN3 bytes A1..FF as Unicode (A0 is a space).
    static final String TCVN3_A1_FF =
            "ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
            + "ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"
            + "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ";
    private static final Map<Character, String> TCVN3 = new HashMap<>();
    /** Letters that only TCVN3 text has (no Vietnamese Unicode text uses them). */
    private static final String TCVN3_ONLY = "¡¢£¤¥¦§¨©ª¬\u00AD®µ¶·¸¹»¼½¾";

    static {
        for (int b = 0xA1; b <= 0xFF; b++) {
            TCVN3.put((char) b, String.valueOf(TCVN3_A1_FF.charAt(b - 0xA1)));
        }
    }

    // VNI: a base letter followed by a mark letter; some letters stand alone.
    private static final Map<Character, String> VNI_MARKS = new HashMap<>();
    private static final Map<Character, Character> VNI_SINGLE = new HashMap<>();
    /** Mark letters VNI puts after vowels that Vietnamese Unicode never uses. */
    private static final String VNI_ONLY = "øûïåäëüæîñöØÛÏÅÄËÜÆÎÑÖ";

    static {
        String grave = "\u0300";
        String acute = "\u0301";
        String hook = "\u0309";
        String tilde = "\u0303";
        String dot = "\u0323";
        String circumflex = "\u0302";
        String breve = "\u0306";
        String[][] marks = {
                {"øØ", grave}, {"ùÙ", acute}, {"ûÛ", hook}, {"õÕ", tilde}, {"ïÏ", dot},
                {"âÂ", circumflex}, {"êÊ", breve},
                {"áÁ", circumflex + acute}, {"àÀ", circumflex + grave}, {"åÅ", circumflex + hook},
                {"ãÃ", circumflex + tilde}, {"äÄ", circumflex + dot},
                {"éÉ", breve + acute}, {"èÈ", breve + grave}, {"úÚ", breve + hook}, {"üÜ", breve + tilde},
                {"ëË", breve + dot}};
        for (String[] mark : marks) {
            VNI_MARKS.put(mark[0].charAt(0), mark[1]);
            VNI_MARKS.put(mark[0].charAt(1), mark[1]);
        }
        String singles = "ñđÑĐôơÔƠöưÖƯììÌÌííÍÍæỉÆỈóĩÓĨòịÒỊîỵÎỴ";
        for (int i = 0; i < singles.length(); i += 2) {
            VNI_SINGLE.put(singles.charAt(i), singles.charAt(i + 1));
        }
    }

    /** True for letters that only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the Latin Extended Additional block). */
    static boolean unicodeOnly(char c) {
        return (c >= '\u0102' && c <= '\u01B0') || (c >= '\u1EA0' && c <= '\u1EF9') || (c >= '\u0300' && c <= '\u0323');
    }

    /** Counts the signs of each encoding over the cells of a file. */
    static final class Detector {
        private long unicode;
        private long tcvn3;
        private long vni;

        void add(String text) {
            add(text, true);
        }

        /**
         * Counts a title's or header's signs of a legacy font only: a template's Unicode header over rows typed in VNI
         * is no evidence against them, a title typed in VNI is evidence for them.
         */
        void addLegacyOnly(String text) {
            add(text, false);
        }

        private void add(String text, boolean countUnicode) {
            if (text == null) {
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (unicodeOnly(c)) {
                    unicode += countUnicode ? 1 : 0;
                } else if (TCVN3_ONLY.indexOf(c) >= 0) {
                    tcvn3++;
                } else if (VNI_ONLY.indexOf(c) >= 0 && i > 0 && "aeiouyAEIOUYôöÔÖ".indexOf(text.charAt(i - 1)) >= 0
                        || c == 'ñ' || c == 'Ñ') {
                    vni++;
                }
            }
        }

        /** True when some cell has letters only Unicode has: then each cell must show legacy letters itself to be converted. */
        boolean mixed() {
            return unicode > 0;
        }

        Encoding verdict() {
            if (tcvn3 > unicode && tcvn3 >= vni) {
                return Encoding.TCVN3;
            }
            if (vni > unicode && vni > tcvn3) {
                return Encoding.VNI;
            }
            return Encoding.UNICODE;
        }
    }

    /** The text in Unicode (NFC): converted from the file's legacy encoding unless it already has Unicode-only letters. */
    static String repair(String text, Encoding encoding) {
        return repair(text, encoding, true);
    }

    /**
     * As above; {@code cautious} (a file that also has Unicode text) converts only cells with letters
     * that Unicode Vietnamese never uses, so that "Hoà Bình" typed in Unicode stays as it is.
     */
    static String repair(String text, Encoding encoding, boolean cautious) {
        if (text == null || text.isEmpty() || encoding == Encoding.UNICODE) {
            return text;
        }
        for (int i = 0; i < text.length(); i++) {
            if (unicodeOnly(text.charAt(i))) {
                return text;
            }
        }
        if (cautious && !(encoding == Encoding.TCVN3 ? looksTcvn3(text) : looksVni(text))) {
            return text;
        }
        String converted = encoding == Encoding.TCVN3 ? fromTcvn3(text) : fromVni(text);
        return Normalizer.normalize(converted, Normalizer.Form.NFC);
    }

    /** Latin-1 letters that Vietnamese written in Unicode never uses. */
    private static final String NOT_VIETNAMESE = "ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ";

    /**
     * A cell of a TCVN3 file is converted only when it has a letter no Unicode Vietnamese text has:
     * "Hoà Bình" (Unicode, Latin-1 letters only) stays as it is.
     */
    private static boolean looksTcvn3(String text) {
        return text.chars().anyMatch(c -> TCVN3_ONLY.indexOf(c) >= 0 || NOT_VIETNAMESE.indexOf(c) >= 0);
    }

    /** Likewise for VNI: a VNI-only mark, or a vowel followed by a mark that Vietnamese never writes after it. */
    private static boolean looksVni(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (VNI_ONLY.indexOf(c) >= 0) {
                return true;
            }
            if (i > 0 && VNI_MARKS.containsKey(c)) {
                char before = text.charAt(i - 1);
                if ("aeuyAEUYôÔöÖ".indexOf(before) >= 0 || "oO".indexOf(before) >= 0 && "àáãÀÁÃ".indexOf(c) < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fromTcvn3(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String mapped = TCVN3.get(c);
            out.append(mapped != null ? mapped : String.valueOf(c));
        }
        // ".VnTimeH" fonts draw the lower-case codes as capitals: a cell typed all in capitals stays so
        String converted = out.toString();
        long upper = text.chars().filter(c -> c >= 'A' && c <= 'Z').count();
        long lower = text.chars().filter(c -> c >= 'a' && c <= 'z').count();
        return upper >= 2 && lower == 0 ? converted.toUpperCase(Locale.ROOT) : converted;
    }

    private static String fromVni(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Character single = VNI_SINGLE.get(c);
            String base = single != null ? String.valueOf(single) : String.valueOf(c);
            boolean vowel = "aeouyAEOUYơưƠƯ".indexOf(base.charAt(0)) >= 0;
            if (vowel && i + 1 < text.length() && VNI_MARKS.containsKey(text.charAt(i + 1))) {
                String composed = Normalizer.normalize(base + VNI_MARKS.get(text.charAt(i + 1)), Normalizer.Form.NFC);
                if (composed.length() == 1) {
                    out.append(composed);
                    i += 2;
                    continue;
                }
            }
            out.append(base);
            i++;
        }
        return out.toString();
    }
}
