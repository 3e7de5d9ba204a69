package vn.dvk.exchange;

import org.apache.poi.ss.util.CellRangeAddress;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.tabular.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cells merged down over several rows ("Xã Phi Liêng" once, merged over its five initiatives): the value
 * belongs to each row of the merge, so each row is given it. A streaming reader sees only the top cell;
 * the merges are listed at the end of the sheet's XML, read here first.
 */
final class MergedCells {

    private static final Pattern SHEET = Pattern.compile("<(?:\\w+:)?sheet\\b[^>]*?\\br:id=\"([^\"]+)\"");
    private static final Pattern MERGE = Pattern.compile("<(?:\\w+:)?mergeCell\\s+ref=\"([A-Z]+\\d+:[A-Z]+\\d+)\"");
    private static final int MAX_MERGES = 20_000;

    private MergedCells() {
    }

    /** The merges of an xlsx's first sheet that span more than one row. */
    static List<CellRangeAddress> downward(byte[] xlsx) {
        try {
            String workbook = entry(xlsx, "xl/workbook.xml");
            String rels = entry(xlsx, "xl/_rels/workbook.xml.rels");
            if (workbook == null || rels == null) {
                return List.of();
            }
            Matcher sheet = SHEET.matcher(workbook);
            if (!sheet.find()) {
                return List.of();
            }
            Matcher target = Pattern.compile("<Relationship\\b[^>]*?\\bId=\"" + Pattern.quote(sheet.group(1)) + "\"[^>]*?\\bTarget=\"([^\"]+)\""
                    + "|<Relationship\\b[^>]*?\\bTarget=\"([^\"]+)\"[^>]*?\\bId=\"" + Pattern.quote(sheet.group(1)) + "\"").matcher(rels);
            if (!target.find()) {
                return List.of();
            }
            String path = target.group(1) != null ? target.group(1) : target.group(2);
            path = path.startsWith("/") ? path.substring(1) : "xl/" + path;
            return merges(xlsx, path);
        } catch (IOException | RuntimeException e) {
            // the file was checked before; a sheet whose merges cannot be read is read without them
            return List.of();
        }
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readNBytes(2_000_000), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** Scans the sheet's XML for its merges without holding it: only a window of text is kept. */
    private static List<CellRangeAddress> merges(byte[] zip, String sheetPath) throws IOException {
        List<CellRangeAddress> found = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals(sheetPath)) {
                    continue;
                }
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                char[] buffer = new char[1 << 16];
                StringBuilder window = new StringBuilder();
                int read;
                while ((read = reader.read(buffer)) > 0 && found.size() < MAX_MERGES) {
                    window.append(buffer, 0, read);
                    int start = window.indexOf("mergeCell");
                    if (start < 0) {
                        // nothing yet: keep only a tail long enough to hold the start of one
                        window.delete(0, Math.max(0, window.length() - 64));
                        continue;
                    }
                    Matcher m = MERGE.matcher(window);
                    int end = 0;
                    while (m.find()) {
                        CellRangeAddress range = CellRangeAddress.valueOf(m.group(1));
                        if (range.getLastRow() > range.getFirstRow()) {
                            found.add(range);
                        }
                        end = m.end();
                    }
                    window.delete(0, Math.max(end, Math.max(0, window.length() - 200)));
                }
                break;
            }
        }
        return found;
    }

    /** The rows given to {@code rows}, each cell under a downward merge given the merge's value. */
    static Consumer<Row> fillDown(List<CellRangeAddress> merges, Consumer<Row> rows) {
        if (merges.isEmpty()) {
            return rows;
        }
        Map<Integer, List<CellRangeAddress>> byFirstRow = new HashMap<>();
        merges.forEach(m -> byFirstRow.computeIfAbsent(m.getFirstRow() + 1, k -> new ArrayList<>()).add(m));
        List<Object[]> open = new ArrayList<>();
        return row -> {
            int number = (int) row.number();
            open.removeIf(o -> ((CellRangeAddress) o[0]).getLastRow() + 1 < number);
            List<String> cells = null;
            for (Object[] o : open) {
                CellRangeAddress range = (CellRangeAddress) o[0];
                int column = range.getFirstColumn();
                if (cells == null) {
                    cells = new ArrayList<>(row.cells());
                }
                while (cells.size() <= column) {
                    cells.add("");
                }
                if (VietnameseText.isBlank(cells.get(column))) {
                    cells.set(column, (String) o[1]);
                }
            }
            for (CellRangeAddress range : byFirstRow.getOrDefault(number, List.of())) {
                String value = range.getFirstColumn() < row.cells().size() ? row.cells().get(range.getFirstColumn()) : "";
                if (!VietnameseText.isBlank(value)) {
                    open.add(new Object[] {range, value});
                }
            }
            rows.accept(cells == null ? row : new Row(row.number(), cells));
        };
    }
}
