package vn.dvk.exchange;

import vn.dvk.shared.DomainException;
import vn.dvk.shared.VietnameseText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the columns of a file are read: recognised by their titles, guessed from their values when the
 * title says too little, remembered from the last file with the same header from the same unit, or
 * chosen by the officer in the preview's column-mapping step. A key such as {@code SECTOR=Kinh tế}
 * is a column of x marks: a mark in it means the row's sector is "Kinh tế".
 */
final class ColumnMapping {

    /** Where a column's meaning came from. */
    enum How { RECOGNISED, GUESSED, REMEMBERED, CHOSEN, IGNORED, UNKNOWN }

    /** One column of the file as the preview shows it in the mapping step. */
    record Column(int index, String letter, String header, String key, How how, List<String> samples) {
    }

    /** A field the mapping step offers, with its label. */
    record Field(String key, String label) {
    }

    /** A value typed in a column that no accepted value matches, and how many rows typed it. */
    record Unknown(String key, String column, String typed, long rows) {
    }

    /** The mapping the preview used: the header row, each column, the choices offered and the values not understood. */
    record Shown(long headerRow, boolean needsMapping, String signature, List<Column> columns, List<Field> fields,
                 Map<String, List<String>> accepted, List<Unknown> unknownValues, Map<String, Map<String, String>> values) {
        public Shown {
            columns = columns == null ? List.of() : columns;
            fields = fields == null ? List.of() : fields;
            accepted = accepted == null ? Map.of() : accepted;
            unknownValues = unknownValues == null ? List.of() : unknownValues;
            values = values == null ? Map.of() : values;
        }

        /** True when some column was read from what was remembered. */
        public boolean remembered() {
            return columns.stream().anyMatch(c -> c.how() == How.REMEMBERED);
        }
    }

    /**
     * What an officer chose: the header row (null: as found), each column's key by index ("" to leave the column
     * out; columns not named keep what was found), and typed values mapped to accepted ones for this file
     * (field key → folded typed value → accepted value).
     */
    record Choice(Long headerRow, Map<Integer, String> columns, Map<String, Map<String, String>> values) {
        public Choice {
            columns = columns == null ? Map.of() : Map.copyOf(columns);
            values = values == null ? Map.of() : Map.copyOf(values);
        }

        boolean isEmpty() {
            return headerRow == null && columns.isEmpty() && values.isEmpty();
        }

        /** The value mapped for a typed one, or null. */
        String value(String key, String typed) {
            Map<String, String> mapped = values.get(key);
            return mapped == null ? null : mapped.get(VietnameseText.fold(typed));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Titles of columns that hold nothing to import: the row number, the notes. */
    private static final Set<String> IGNORABLE = Set.of("stt", "tt", "so tt", "so thu tu", "thu tu", "ghi chu", "ghi chu khac", "so");
    /** What a cell holding a mark says. */
    private static final Set<String> MARKS = Set.of("x", "1", "v", "co", "\u2713", "\u2714", "\u221a", "+", "yes", "true", "dung");

    private ColumnMapping() {
    }

    /** "A" for 0, "AA" for 26. */
    static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /** The index a column is named by: a letter ("C") or a number from 1 ("3"); null when neither. */
    static Integer index(String name) {
        String text = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        if (text.matches("\\d{1,3}")) {
            int n = Integer.parseInt(text);
            return n >= 1 ? n - 1 : null;
        }
        if (text.matches("[A-Z]{1,2}")) {
            int n = 0;
            for (char c : text.toCharArray()) {
                n = n * 26 + (c - 'A' + 1);
            }
            return n - 1;
        }
        return null;
    }

    static boolean ignorable(String header) {
        return IGNORABLE.contains(ImportPipeline.headerKey(header));
    }

    /** True when a cell of an x-mark column marks its row. */
    static boolean marks(String cell) {
        return cell != null && MARKS.contains(VietnameseText.fold(cell));
    }

    /** The field of a key ("SECTOR" for "SECTOR=Kinh tế"). */
    static String field(String key) {
        int at = key.indexOf('=');
        return at < 0 ? key : key.substring(0, at);
    }

    /** The value an x-mark key stands for ("Kinh tế" for "SECTOR=Kinh tế"), or null for a plain column. */
    static String markValue(String key) {
        int at = key.indexOf('=');
        return at < 0 ? null : key.substring(at + 1);
    }

    /**
     * A header written over two rows, as one title per column: a title merged over several columns ("Lĩnh vực"
     * over "Kinh tế", "VH-XH"…) gives "Lĩnh vực|Kinh tế", "Lĩnh vực|VH-XH"; a title merged down over both rows
     * ("Tên mô hình") stays as it is.
     */
    static List<String> combine(List<String> upper, List<String> lower) {
        int width = Math.max(upper.size(), lower.size());
        List<String> combined = new ArrayList<>(width);
        String spanning = null;
        for (int i = 0; i < width; i++) {
            String top = i < upper.size() ? VietnameseText.clean(upper.get(i)) : "";
            String sub = i < lower.size() ? VietnameseText.clean(lower.get(i)) : "";
            top = top == null ? "" : top;
            sub = sub == null ? "" : sub;
            if (sub.equals(top)) {
                // a title merged down over both rows (its value given to each)
                sub = "";
            }
            if (!top.isEmpty()) {
                spanning = sub.isEmpty() ? null : top;
            } else if (sub.isEmpty()) {
                spanning = null;
            }
            String parent = !top.isEmpty() ? top : sub.isEmpty() ? "" : spanning == null ? "" : spanning;
            combined.add(sub.isEmpty() ? parent : parent.isEmpty() ? sub : parent + "|" + sub);
        }
        return combined;
    }

    /** The same header from another file gives the same signature: its titles folded, trailing blank columns left out. */
    static String signature(String what, List<String> header) {
        List<String> folded = new ArrayList<>(header.stream().map(h -> h == null ? "" : VietnameseText.fold(h)).toList());
        while (!folded.isEmpty() && folded.get(folded.size() - 1).isEmpty()) {
            folded.remove(folded.size() - 1);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((what + "\n" + String.join("\u001f", folded))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Choice choice) {
        return choice == null || choice.isEmpty() ? null : JSON.writeValueAsString(choice);
    }

    static Choice parse(String json) {
        return json == null || json.isBlank() ? null : JSON.readValue(json, Choice.class);
    }

    /**
     * A mapping sent to the API: {"headerRow": 5, "columns": {"B": "NAME", "C": "SECTOR", "D": ""},
     * "values": {"SECTOR": {"Môi trường": "Kinh tế"}}}; columns by letter or by number from 1.
     */
    @SuppressWarnings("unchecked")
    static Choice fromRequest(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        Map<String, Object> sent;
        try {
            sent = JSON.readValue(json, Map.class);
        } catch (RuntimeException e) {
            throw DomainException.invalid("import.mapping.unreadable");
        }
        Long headerRow = null;
        Object row = sent.get("headerRow");
        if (row instanceof Number number) {
            headerRow = number.longValue();
        } else if (row != null) {
            throw DomainException.invalid("import.mapping.headerRow", String.valueOf(row));
        }
        Map<Integer, String> columns = new LinkedHashMap<>();
        if (sent.get("columns") instanceof Map<?, ?> named) {
            for (Map.Entry<?, ?> entry : named.entrySet()) {
                Integer index = index(String.valueOf(entry.getKey()));
                if (index == null || index >= SpreadsheetFiles.MAX_COLUMNS) {
                    throw DomainException.invalid("import.mapping.column", String.valueOf(entry.getKey()));
                }
                columns.put(index, entry.getValue() == null ? "" : String.valueOf(entry.getValue()).strip());
            }
        } else if (sent.get("columns") != null) {
            throw DomainException.invalid("import.mapping.unreadable");
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        if (sent.get("values") instanceof Map<?, ?> byField) {
            for (Map.Entry<?, ?> entry : byField.entrySet()) {
                if (!(entry.getValue() instanceof Map<?, ?> typed)) {
                    throw DomainException.invalid("import.mapping.unreadable");
                }
                Map<String, String> mapped = new LinkedHashMap<>();
                typed.forEach((from, to) -> mapped.put(VietnameseText.fold(String.valueOf(from)), String.valueOf(to)));
                values.put(String.valueOf(entry.getKey()), mapped);
            }
        }
        return new Choice(headerRow, columns, values);
    }

    /** Checks a choice against the fields a kind of file has: each key known, none given to two columns. */
    static void check(Choice choice, List<Field> fields, Map<String, List<String>> accepted) {
        if (choice == null) {
            return;
        }
        if (choice.headerRow() != null && (choice.headerRow() < 1 || choice.headerRow() > ImportPipeline.HEADER_WITHIN)) {
            throw DomainException.invalid("import.mapping.headerRow", String.valueOf(choice.headerRow()));
        }
        Set<String> known = new HashSet<>();
        fields.forEach(f -> known.add(f.key()));
        Map<String, Integer> used = new HashMap<>();
        for (Map.Entry<Integer, String> entry : choice.columns().entrySet()) {
            String key = entry.getValue();
            if (key.isEmpty()) {
                continue;
            }
            if (!known.contains(key)) {
                throw DomainException.invalid("import.mapping.unknownField", key, letter(entry.getKey()));
            }
            Integer earlier = used.putIfAbsent(key, entry.getKey());
            if (earlier != null) {
                throw DomainException.invalid("import.mapping.twice", key, letter(earlier), letter(entry.getKey()));
            }
        }
        for (Map.Entry<String, Map<String, String>> entry : choice.values().entrySet()) {
            List<String> values = accepted.get(entry.getKey());
            if (values == null) {
                throw DomainException.invalid("import.mapping.unknownField", entry.getKey(), "");
            }
            for (String to : entry.getValue().values()) {
                if (values.stream().noneMatch(v -> VietnameseText.fold(v).equals(VietnameseText.fold(to)))) {
                    throw DomainException.invalid("import.mapping.value", to, String.join("; ", values));
                }
            }
        }
    }
}
