package vn.dvk.shared.tabular;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Keeps text that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a
 * carriage return: OWASP's CSV injection list) from running when an officer opens an export: in CSV
 * it is written after an apostrophe, which imports take off again; in XLSX the cell is marked as text
 * (quote prefix) with its value unchanged. Export → import gives the same values back.
 */
public final class FormulaGuard {

    private static final String STARTS_A_FORMULA = "=+-@\t\r";

    private FormulaGuard() {
    }

    public static boolean risky(String value) {
        return value != null && !value.isEmpty() && STARTS_A_FORMULA.indexOf(value.charAt(0)) >= 0;
    }

    /** The value as a CSV cell. */
    public static String forCsv(String value) {
        return risky(value) ? "'" + value : value;
    }

    /** The value of a cell as it was before {@link #forCsv}. */
    public static String fromCell(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\'' && risky(value.substring(1)) ? value.substring(1) : value;
    }

    /** A style for the workbook's text cells that must not become formulas. */
    public static CellStyle textStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setQuotePrefixed(true);
        return style;
    }

    /** Writes text into a cell, marked as text when it would otherwise read as a formula. */
    public static void setText(Cell cell, String value, CellStyle textStyle) {
        cell.setCellValue(value);
        if (risky(value)) {
            cell.setCellStyle(textStyle);
        }
    }
}
