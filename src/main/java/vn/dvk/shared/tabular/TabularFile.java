package vn.dvk.shared.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import vn.dvk.shared.DomainException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ExcelReaderException;

/**
 * Reads a spreadsheet row by row without holding it in memory: CSV (UTF-8, with or without BOM,
 * separated by comma, semicolon or tab, cells may hold line breaks) or XLSX (first sheet). The
 * format is recognised from the content, not the file name.
 */
public final class TabularFile {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    public enum Format { CSV, XLSX }

    private TabularFile() {
    }

    /**
     * Streams every row of the file to the consumer, numbered as a spreadsheet user sees them (1 = first row).
     * Throws {@link DomainException} (INVALID) when the content is not a readable CSV or XLSX file.
     */
    public static Format read(InputStream input, Consumer<Row> rows) {
        return read(input, StandardCharsets.UTF_8, rows);
    }

    /** As {@link #read(InputStream, Consumer)}, a CSV file being in the given character set (UTF-8 is checked strictly). */
    public static Format read(InputStream input, Charset csvCharset, Consumer<Row> rows) {
        BufferedInputStream in = new BufferedInputStream(input, 64 * 1024);
        try {
            byte[] head = peek(in, 4096);
            if (startsWith(head, ZIP)) {
                readXlsx(in, rows);
                return Format.XLSX;
            }
            if (startsWith(head, OLE2)) {
                throw DomainException.invalid("import.file.legacyOrEncrypted");
            }
            if (!looksLikeText(head)) {
                throw DomainException.invalid("import.file.notSpreadsheet");
            }
            readCsv(in, head, csvCharset, rows);
            return Format.CSV;
        } catch (IOException e) {
            throw DomainException.invalid("import.file.unreadable");
        }
    }

    private static void readXlsx(InputStream in, Consumer<Row> rows) throws IOException {
        ReadingOptions options = new ReadingOptions(true, false);
        try (ReadableWorkbook workbook = new ReadableWorkbook(in, options)) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
                stream.forEach(r -> {
                    List<String> cells = new ArrayList<>(r.getCellCount());
                    for (int i = 0; i < r.getCellCount(); i++) {
                        cells.add(r.getCellText(i));
                    }
                    rows.accept(new Row(r.getRowNum(), cells));
                });
            }
        } catch (UncheckedIOException | ExcelReaderException e) {
            throw DomainException.invalid("import.file.unreadable");
        } catch (RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            // the XML reader refuses what it will not parse (a DOCTYPE, an external entity...) in its own way
            throw DomainException.invalid("import.file.unreadable");
        }
    }

    private static void readCsv(InputStream in, byte[] head, Charset charset, Consumer<Row> rows)
            throws IOException {
        CodingErrorAction onError = charset.equals(StandardCharsets.UTF_8) ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        var decoder = charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        char delimiter = delimiter(new String(head, charset));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, decoder), 1);
        // Excel's "CSV UTF-8" starts with a BOM: taken off before parsing, or a quoted first header is read with its quotes
        try {
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (CharacterCodingException e) {
            throw DomainException.invalid("import.file.notUtf8");
        }
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                List<String> cells = Arrays.asList(record.values());
                if (record.getRecordNumber() == 1 && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                rows.accept(new Row(record.getRecordNumber(), cells));
            }
        } catch (CharacterCodingException e) {
            throw DomainException.invalid("import.file.notUtf8");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw DomainException.invalid("import.file.notUtf8");
            }
            throw DomainException.invalid("import.file.unreadable");
        } catch (IllegalStateException e) {
            throw DomainException.invalid("import.file.badCsv");
        }
    }

    private static char delimiter(String head) {
        String firstLine = head.lines().findFirst().orElse("");
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long tabs = firstLine.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] peek(BufferedInputStream in, int max) throws IOException {
        in.mark(max);
        byte[] buffer = in.readNBytes(max);
        in.reset();
        return buffer;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
