package vn.dvk.exchange;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.office.HostileFiles;
import vn.dvk.shared.tabular.Row;
import vn.dvk.shared.tabular.TabularFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a workbook sent for import only when it is safe to: xlsx, xls or CSV recognised from the
 * content; refused, with a message saying why and before anything is read into the registry, when it
 * is not a spreadsheet, is encrypted, carries macros, links to other files, unpacks to far more than
 * it weighs (a zip bomb) or declares enormous dimensions.
 */
final class SpreadsheetFiles {

    static final long MAX_BYTES = 30L * 1024 * 1024;
    static final int MAX_ROWS = 200_000;
    static final int MAX_COLUMNS = 200;
    private static final Pattern DIMENSION = Pattern.compile("<(?:\\w+:)?dimension ref=\"([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?\"");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    /** The tone marks of windows-1258 (grave, hook, tilde, acute, dot below), written after the vowel they sit on. */
    private static final String TONE_BYTES = "\u00cc\u00d2\u00de\u00ec\u00f2";
    /** Vowels as windows-1258 writes them (a e i o u y, â ê ô ơ ư ă, in both cases). */
    private static final String VOWEL_BYTES = "aeiouyAEIOUY\u00e2\u00ea\u00f4\u00f5\u00fd\u00e3\u00c2\u00ca\u00d4\u00d5\u00dd\u00c3";

    enum Kind { XLSX, XLS, CSV }

    private SpreadsheetFiles() {
    }

    /** Checks the file and says what it is; throws {@link DomainException} (INVALID or TOO_LARGE) otherwise. */
    static Kind inspect(byte[] content) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("import.file.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "import.file.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            inspectZip(content);
            return Kind.XLSX;
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            inspectOle2(content);
            return Kind.XLS;
        }
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                throw DomainException.invalid("import.file.notSpreadsheet");
            }
        }
        return Kind.CSV;
    }

    private static void inspectZip(byte[] content) {
        var unpacked = HostileFiles.inspectZip(new ByteArrayInputStream(content), content.length, (name, head) -> {
            if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
                checkDimension(head);
            }
        });
        if (!unpacked.entries().contains("xl/workbook.xml")) {
            throw DomainException.invalid("import.file.notSpreadsheet");
        }
    }

    private static void checkDimension(CharSequence head) {
        Matcher m = DIMENSION.matcher(head);
        if (m.find() && m.group(3) != null) {
            long rows = Long.parseLong(m.group(4));
            int columns = columnNumber(m.group(3));
            if (rows > MAX_ROWS + 100 || columns > MAX_COLUMNS) {
                throw new DomainException(DomainException.Kind.TOO_LARGE, "import.file.dimensions", rows, columns, MAX_ROWS, MAX_COLUMNS);
            }
        }
    }

    private static int columnNumber(String letters) {
        int n = 0;
        for (char c : letters.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n;
    }

    private static void inspectOle2(byte[] content) {
        var entries = HostileFiles.inspectOle2(new ByteArrayInputStream(content));
        if (!entries.contains("Workbook") && !entries.contains("Book")) {
            throw DomainException.invalid("import.file.notSpreadsheet");
        }
    }

    /** Every row of the first sheet (numbered as the user sees them), after {@link #inspect}. */
    static void rows(byte[] content, Kind kind, Consumer<Row> rows) {
        Consumer<Row> limited = row -> {
            if (row.number() > MAX_ROWS + 100 || row.cells().size() > MAX_COLUMNS) {
                throw new DomainException(DomainException.Kind.TOO_LARGE, "import.file.dimensions", row.number(),
                        row.cells().size(), MAX_ROWS, MAX_COLUMNS);
            }
            rows.accept(row);
        };
        switch (kind) {
            case XLS -> xls(content, limited);
            case CSV -> {
                if (utf8(content)) {
                    TabularFile.read(new ByteArrayInputStream(content), StandardCharsets.UTF_8, limited);
                } else if (windows1258(content)) {
                    // its tone marks are separate characters: composed at once, as the letters people typed
                    String text = Normalizer.normalize(new String(content, WINDOWS_1258), Normalizer.Form.NFC);
                    TabularFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, limited);
                } else {
                    TabularFile.read(new ByteArrayInputStream(content), WINDOWS_1252, limited);
                }
            }
            case XLSX -> TabularFile.read(new ByteArrayInputStream(content), MergedCells.fillDown(MergedCells.downward(content), limited));
        }
    }

    /**
     * True for text saved as windows-1258 ("CSV" from an office machine set to Vietnamese): its tone marks are bytes
     * that follow vowels, where the same bytes in TCVN3, VNI or windows-1252 text are letters that follow consonants.
     */
    static boolean windows1258(byte[] content) {
        long afterVowel = 0;
        long otherwise = 0;
        for (int i = 1; i < content.length; i++) {
            char b = (char) (content[i] & 0xFF);
            if (TONE_BYTES.indexOf(b) >= 0) {
                if (VOWEL_BYTES.indexOf((char) (content[i - 1] & 0xFF)) >= 0) {
                    afterVowel++;
                } else {
                    otherwise++;
                }
            }
        }
        return afterVowel >= 3 && afterVowel > 4 * otherwise;
    }

    private static boolean utf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void xls(byte[] content, Consumer<Row> rows) {
        try (InputStream in = new ByteArrayInputStream(content); HSSFWorkbook workbook = new HSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            rows = MergedCells.fillDown(sheet.getMergedRegions().stream().filter(m -> m.getLastRow() > m.getFirstRow()).toList(), rows);
            DataFormatter formatter = new DataFormatter();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.FORMULA && cell.getCellFormula().contains("[")) {
                        throw DomainException.invalid("import.file.externalLinks");
                    }
                    cells.add(cell == null ? "" : cell.getCellType() == CellType.FORMULA
                            ? formatter.formatCellValue(cell, workbook.getCreationHelper().createFormulaEvaluator())
                            : formatter.formatCellValue(cell));
                }
                rows.accept(new Row(row.getRowNum() + 1L, cells));
            }
        } catch (EncryptedDocumentException e) {
            throw DomainException.invalid("import.file.encrypted");
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.invalid("import.file.unreadable");
        }
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
