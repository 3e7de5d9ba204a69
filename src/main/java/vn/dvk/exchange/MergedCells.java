package vn.dvk.exchange;

import org.apache.poi.ss.util.CellRangeAddress;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.tabular.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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
    private static final int MAX_MERGES = 20_000;

    private MergedCells() {
    }

    /** The last file's merges: an import reads its file twice (header search, then the rows). */
    private static final Map<byte[], List<CellRangeAddress>> LAST = Collections.synchronizedMap(new WeakHashMap<>());

    /** The merges of an xlsx's first sheet that span more than one row. */
    static List<CellRangeAddress> downward(byte[] xlsx) {
        List<CellRangeAddress> known = LAST.get(xlsx);
        if (known != null) {
            return known;
        }
        List<CellRangeAddress> found = read(xlsx);
        LAST.put(xlsx, found);
        return found;
    }

    private static List<CellRangeAddress> read(byte[] xlsx) {
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

    private static final byte[] TAG = "mergeCell ".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern REF = Pattern.compile("ref=\"([A-Z]+\\d+:[A-Z]+\\d+)\"");

    /** Scans the sheet's XML bytes for its merges without holding or decoding it: only the tags found are read. */
    private static List<CellRangeAddress> merges(byte[] zip, String sheetPath) throws IOException {
        List<CellRangeAddress> found = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals(sheetPath)) {
                    continue;
                }
                byte[] buffer = new byte[1 << 16];
                int kept = 0;
                int read;
                while ((read = in.read(buffer, kept, buffer.length - kept)) > 0 && found.size() < MAX_MERGES) {
                    int length = kept + read;
                    int scanned = 0;
                    for (int i = 0; i + TAG.length <= length; i++) {
                        if (buffer[i] != 'm' || !startsWith(buffer, i, TAG)) {
                            continue;
                        }
                        int end = i;
                        while (end < length && buffer[end] != '>') {
                            end++;
                        }
                        if (end == length) {
                            break;
                        }
                        Matcher ref = REF.matcher(new String(buffer, i, end - i, StandardCharsets.US_ASCII));
                        if (ref.find()) {
                            CellRangeAddress range = CellRangeAddress.valueOf(ref.group(1));
                            if (range.getLastRow() > range.getFirstRow()) {
                                found.add(range);
                            }
                        }
                        scanned = end;
                        i = end;
                    }
                    // keep the tail that may hold the start of a tag cut by the buffer's end
                    int from = Math.max(scanned, length - 256);
                    System.arraycopy(buffer, from, buffer, 0, length - from);
                    kept = length - from;
                }
                break;
            }
        }
        return found;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        for (int k = 0; k < prefix.length; k++) {
            if (data[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
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
