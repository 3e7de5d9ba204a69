package vn.dvk.shared.office;

import vn.dvk.shared.VietnameseText;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What an office signs and sends, independent of the file format: the header (superior organ and
 * organ, number, place and date), the type and title, the body, the signature block, the recipients
 * and an annex table. {@link OfficialLayout} lays it out as a party document (Hướng dẫn 36-HD/VPTW)
 * or a state document (Nghị định 30/2020/NĐ-CP). Empty fields stay visibly empty ("Số      -BC/...").
 */
public record OfficialDocument(Style style, String superiorOrgan, String organ, String number, String place, LocalDate date,
                               String type, String title, List<Block> body, Signature signature, List<String> recipients,
                               Annex annex) {

    /** Whose rules format the document. */
    public enum Style { PARTY, STATE }

    /** A numbered heading ("I. KẾT QUẢ"), a sub-heading ("1. Đăng ký") or a paragraph of the body. */
    public record Block(Kind kind, String text) {

        public enum Kind { HEADING, SUBHEADING, PARAGRAPH, CENTRED }

        /** A bold line centred on the page: the deciding authority, "QUYẾT ĐỊNH:", "Kính gửi: ...". */
        public static Block centred(String text) {
            return new Block(Kind.CENTRED, text);
        }

        public static Block heading(String text) {
            return new Block(Kind.HEADING, text);
        }

        public static Block subheading(String text) {
            return new Block(Kind.SUBHEADING, text);
        }

        public static Block paragraph(String text) {
            return new Block(Kind.PARAGRAPH, text);
        }
    }

    /** "T/M BAN THƯỜNG VỤ" or "K/T TRƯỞNG BAN" (optional), the signer's title and name. */
    public record Signature(String capacity, String title, String name) {
    }

    /** A table after the signature, on its own page: the figures, or the list a decision recognises. */
    public record Annex(String heading, String title, String subtitle, List<String> headers, List<List<String>> rows,
                        float[] widths) {
    }

    private static final String BLANK = "      ";

    /** Party style "24-BC/BDVHU", state style "06/QĐ-UBND"; without a number the place for it is left blank. */
    public static String number(Style style, Integer number, String typeCode, String symbol) {
        String n = number == null ? BLANK : String.valueOf(number);
        String organ = symbol == null ? "" : symbol.strip();
        return style == Style.STATE ? n + "/" + typeCode + (organ.isEmpty() ? "" : "-" + organ)
                : n + "-" + typeCode + (organ.isEmpty() ? "" : "/" + organ);
    }

    /** "Số 24-BC/BDVHU" (party) or "Số: 06/QĐ-UBND" (state). */
    public String numberLine() {
        return numberLine(style, number);
    }

    /**
     * "Đam Rông, ngày 05 tháng 01 năm 2022": days below 10 and the months January and February with a
     * leading zero, as both rules ask; without a date the places for it are left blank.
     */
    public String dateLine() {
        return (place == null || place.isBlank() ? BLANK : place.strip()) + datePart(date);
    }

    /** ", ngày 05 tháng 01 năm 2022", or with blanks for the officer to fill in. */
    public static String datePart(LocalDate date) {
        if (date == null) {
            return ", ngày" + BLANK + "tháng" + BLANK + "năm" + BLANK;
        }
        return ", ngày " + (date.getDayOfMonth() < 10 ? "0" : "") + date.getDayOfMonth() + " tháng "
                + (date.getMonthValue() < 3 ? "0" : "") + date.getMonthValue() + " năm " + date.getYear();
    }

    /** "Số 24-BC/BDVHU" or "Số: 24/QĐ-UBND" for a number as printed (null: left blank). */
    public static String numberLine(Style style, String number) {
        String n = number == null ? BLANK : number;
        return style == Style.STATE ? "Số: " + n : "Số " + n;
    }

    public static final Locale VI = OfficeDocs.VI;

    /**
     * A unit's full name as it stands inside a sentence: its kind in lower case, its name as it is
     * ("Huyện Đam Rông" becomes "huyện Đam Rông", "Thành phố Đà Lạt" becomes "thành phố Đà Lạt").
     */
    public static String inSentence(String fullName, String kindPrefix) {
        if (fullName == null || fullName.isEmpty()) {
            return "";
        }
        if (kindPrefix != null && !kindPrefix.isEmpty() && fullName.startsWith(kindPrefix)) {
            return kindPrefix.toLowerCase(VI) + fullName.substring(kindPrefix.length());
        }
        return fullName.substring(0, 1).toLowerCase(VI) + fullName.substring(1);
    }

    /** An ASCII file-name part: "Huyện Đam Rông" gives "huyen-dam-rong". */
    public static String slug(String text) {
        if (text == null) {
            return "";
        }
        String folded = VietnameseText.fold(text).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
