package vn.dvk.shared.tabular;

import vn.dvk.shared.VietnameseText;

import java.util.List;

/** One row of a spreadsheet: its number as the user sees it and its cells as text. */
public record Row(long number, List<String> cells) {

    /** The cleaned text of a cell (NFC, spaces collapsed), or "" when the row is shorter. */
    public String cell(int index) {
        if (index < 0 || index >= cells.size() || cells.get(index) == null) {
            return "";
        }
        return VietnameseText.clean(cells.get(index));
    }

    /** True when every cell is blank. */
    public boolean isBlank() {
        return cells.stream().allMatch(VietnameseText::isBlank);
    }

    /** Number of non-blank cells. */
    public long filledCells() {
        return cells.stream().filter(c -> !VietnameseText.isBlank(c)).count();
    }
}
