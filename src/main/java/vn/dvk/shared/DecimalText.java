package vn.dvk.shared;

import java.math.BigDecimal;

/**
 * A decimal typed by a person, "8,5" as well as "8.5" whatever their browser's language: the last
 * comma or point is the decimal mark, any earlier one groups thousands ("1.234,5", "1,234.5").
 */
public final class DecimalText {

    private DecimalText() {
    }

    /** The number, or null for blank text; NumberFormatException when it is not a number. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replace(" ", "").replace("\u00a0", "");
        int mark = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
        if (mark >= 0) {
            String whole = s.substring(0, mark).replace(".", "").replace(",", "");
            s = whole + "." + s.substring(mark + 1);
        }
        return new BigDecimal(s);
    }
}
