package vn.dvk.exchange;

import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.tabular.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How offices lay a list out around its table, as they really send it: the national motto and the
 * issuing body above, a title naming the year, group rows ("I. XÃ ĐẠ TÔNG") over their rows, a
 * "Tổng cộng" row, then notes, the place and date, and the signatures below. Recognises the rows that
 * are not data (so they are skipped, with the reason, instead of refused) and reads the year written
 * above the table.
 */
final class SheetLayout {

    /** Why a row below the header is not data; {@code key} names its message. */
    enum Skip {
        TOTAL("total"), NOTE("note"), PLACE_DATE("placeDate"), SIGNATURE("signature"), BLANK("blank"),
        COLUMN_NUMBERS("columnNumbers"), GROUP("group"), HEADING("heading");

        final String key;

        Skip(String key) {
            this.key = key;
        }

        String messageKey() {
            return "import.skipped." + key;
        }

        /** After these rows, what follows is the foot of the list (more notes, the signers' names). */
        boolean startsFoot() {
            return this == NOTE || this == PLACE_DATE || this == SIGNATURE;
        }
    }

    private static final Pattern TOTAL = Pattern.compile("^(tong cong|tong so|tong|cong)( \\d.*|: ?.*)?$|^(tong cong|tong so) .*");
    private static final Pattern NOTE = Pattern.compile("^(ghi chu|chu thich|luu y|chu y)\\b.*");
    private static final Pattern PLACE_DATE = Pattern.compile(".*\\bngay\\b.*\\bthang\\b.*\\bnam\\b.*");
    private static final Pattern SIGNATURE = Pattern.compile("^(nguoi lap( bieu)?|nguoi tong hop|nguoi ky|tm|kt|tl|q|"
            + "(pho )?truong ban|(pho )?chu tich|(pho )?bi thu|thu truong|lanh dao|xac nhan|ky ten|ky ghi ro|ky va ghi ro|da ky|"
            + "noi nhan)\\b.*");
    private static final Pattern COLUMN_NUMBER = Pattern.compile("^\\(?(\\d{1,2}|[a-z])\\)?$");
    private static final Pattern YEAR = Pattern.compile("\\bnam (19[4-9]\\d|20\\d\\d)\\b");
    private static final Pattern ENUMERATOR = Pattern.compile("^\\s*(?:[IVXLC]+|\\d{1,3}|[A-Z])(?:\\s*[.):\\-]\\s*|\\s+(?=\\S))");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{1,5}\\b");

    private SheetLayout() {
    }

    /** The kind of non-data row this is, or null: data, or a group row to ask the handler about. */
    static Skip skip(Row row, boolean beforeData, boolean inFoot) {
        List<String> filled = filled(row);
        if (filled.isEmpty()) {
            return Skip.BLANK;
        }
        String first = VietnameseText.fold(filled.get(0));
        if (TOTAL.matcher(first).matches()) {
            return Skip.TOTAL;
        }
        if (NOTE.matcher(first).matches()) {
            return Skip.NOTE;
        }
        if (filled.size() <= 2 && filled.stream().allMatch(c -> PLACE_DATE.matcher(VietnameseText.fold(c)).matches()
                || SIGNATURE.matcher(VietnameseText.fold(c)).matches())) {
            return PLACE_DATE.matcher(first).matches() ? Skip.PLACE_DATE : Skip.SIGNATURE;
        }
        if (filled.size() <= 3 && filled.stream().allMatch(c -> SIGNATURE.matcher(VietnameseText.fold(c)).matches())) {
            return Skip.SIGNATURE;
        }
        if (beforeData && filled.size() >= 3 && filled.stream().allMatch(c -> COLUMN_NUMBER.matcher(VietnameseText.fold(c)).matches())) {
            return Skip.COLUMN_NUMBERS;
        }
        if (inFoot && filled.size() <= 2) {
            // a signer's name under the titles, or one more line of the notes
            return Skip.SIGNATURE;
        }
        return null;
    }

    /** The text of a group row (only its first two cells filled), its "I." or "1." taken off; null when the row is not one. */
    static String groupText(Row row) {
        List<String> filled = filled(row);
        if (filled.isEmpty() || filled.size() > 2) {
            return null;
        }
        for (int i = 2; i < row.cells().size(); i++) {
            if (!VietnameseText.isBlank(row.cells().get(i))) {
                return null;
            }
        }
        String text = VietnameseText.clean(String.join(" ", filled));
        return ENUMERATOR.matcher(text).replaceFirst("").strip();
    }

    /** True when a group row's text is a heading even if it names nothing known: numbered "I." or written in capitals. */
    static boolean looksLikeHeading(Row row) {
        List<String> filled = filled(row);
        String text = VietnameseText.clean(String.join(" ", filled));
        return ENUMERATOR.matcher(text).lookingAt() && !text.matches("^\\d{1,3}\\s.*")
                || text.equals(text.toUpperCase(Locale.ROOT)) && text.chars().anyMatch(Character::isLetter);
    }

    /** The counts a total row states: in its label ("Tổng cộng: 12 mô hình") or as small whole numbers in its cells. */
    static List<Long> statedCounts(Row row) {
        List<Long> counts = new ArrayList<>();
        for (String cell : filled(row)) {
            String text = VietnameseText.clean(cell).replaceAll("[.,]0+$", "");
            Matcher m = NUMBER.matcher(text);
            while (m.find()) {
                counts.add(Long.parseLong(m.group()));
            }
        }
        return counts;
    }

    /** The year a line above the table names ("DANH SÁCH MÔ HÌNH ... NĂM 2023"), or null; not a place-and-date line. */
    static Integer titleYear(String line) {
        String folded = VietnameseText.fold(line);
        if (PLACE_DATE.matcher(folded).matches() && folded.contains(" thang ")) {
            return null;
        }
        Matcher m = YEAR.matcher(folded);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** True for the lines of a document's header that name no unit: the national motto, the Party's name. */
    static boolean motto(String line) {
        String folded = VietnameseText.fold(line);
        return folded.contains("cong hoa xa hoi chu nghia") || folded.contains("doc lap tu do hanh phuc")
                || folded.startsWith("dang cong san viet nam") || PLACE_DATE.matcher(folded).matches();
    }

    private static final List<String> UNIT_TYPES = List.of("thanh pho", "thi tran", "thi xa", "dac khu", "tinh", "huyen", "quan",
            "xa", "phuong");
    private static final Set<String> NOT_A_NAME = Set.of("nam", "giai", "ve", "cua", "va", "dang", "tren",
            "nhan", "thuc", "hoi", "uy", "tu", "den", "danh", "bao", "ke");

    /**
     * The units a line above the table names, as "type name" with the name cut after 1 to 4 words (longest
     * first): "ỦY BAN NHÂN DÂN XÃ PHI LIÊNG" gives "xa phi lieng", "xa phi", "xa"…; "BAN DÂN VẬN HUYỆN ỦY
     * ĐAM RÔNG" gives "huyen dam rong"…. Each mention is one list.
     */
    static List<List<String>> unitMentions(String line) {
        List<List<String>> mentions = new ArrayList<>();
        for (String part : line.split("[,;:()\\n–]| - ")) {
            String folded = VietnameseText.fold(VietnameseText.clean(part)).replaceAll("\\b(huyen|tinh|quan) uy\\b", "$1")
                    .replaceAll("\\bthanh uy\\b", "thanh pho").replaceAll("\\bthi uy\\b", "thi xa").replaceAll("\\bdang uy\\b", "");
            String[] words = folded.split(" ");
            for (int i = 0; i < words.length; i++) {
                String type = typeAt(words, i);
                if (type == null) {
                    continue;
                }
                int start = i + type.split(" ").length;
                List<String> name = new ArrayList<>();
                for (int j = start; j < words.length && name.size() < 4 && typeAt(words, j) == null
                        && !NOT_A_NAME.contains(words[j]) && !words[j].matches("\\d{4}"); j++) {
                    name.add(words[j]);
                }
                List<String> mention = new ArrayList<>();
                for (int k = name.size(); k >= 1; k--) {
                    mention.add(type + " " + String.join(" ", name.subList(0, k)));
                }
                if (!mention.isEmpty()) {
                    mentions.add(mention);
                }
                i = start + name.size() - 1;
            }
        }
        return mentions;
    }

    private static String typeAt(String[] words, int i) {
        for (String type : UNIT_TYPES) {
            String[] parts = type.split(" ");
            if (i + parts.length <= words.length && String.join(" ", Arrays.copyOfRange(words, i, i + parts.length)).equals(type)) {
                return type;
            }
        }
        return null;
    }

    /** The filled cells, in order. */
    static List<String> filled(Row row) {
        return row.cells().stream().filter(c -> !VietnameseText.isBlank(c)).toList();
    }
}
