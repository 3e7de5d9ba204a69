package vn.dvk.exchange;

import vn.dvk.shared.DomainException;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.tabular.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The first pass over a file: finds the header among the first rows (one row, or two when titles are merged over
 * the columns below them), or the row the officer named; counts the data rows, learns the encoding and keeps a few
 * values of each column for the mapping step.
 */
final class HeaderSearch implements Consumer<Row> {
    private static final int SAMPLES = 3;
    private static final int SAMPLED_ROWS = 300;
    final ImportPipeline.RowHandler handler;
    final ColumnMapping.Choice choice;
    private final ImportMappings mappings;
    final List<Row> head = new ArrayList<>();
    final LegacyText.Detector detector = new LegacyText.Detector();
    final Map<Integer, List<String>> samples = new HashMap<>();
    boolean decided;
    long firstHeaderRow;
    long headerRow;
    List<String> header;
    Map<String, Integer> located = Map.of();
    long dataRows;
    long sampledRows;

    HeaderSearch(ImportPipeline.RowHandler handler, ColumnMapping.Choice choice, ImportMappings mappings) {
        this.handler = handler;
        this.choice = choice;
        this.mappings = mappings;
    }

    @Override
    public void accept(Row row) {
        if (!decided) {
            head.add(row);
            if (row.number() > ImportPipeline.HEADER_WITHIN + 1) {
                decide();
            }
            return;
        }
        data(row);
    }

    void end() {
        if (!decided) {
            decide();
        }
    }

    private void decide() {
        decided = true;
        if (choice != null && choice.headerRow() != null) {
            Row chosen = head.stream().filter(r -> r.number() == choice.headerRow()).findFirst()
                    .orElseThrow(() -> DomainException.invalid("import.mapping.headerRow", String.valueOf(choice.headerRow())));
            take(chosen.number(), chosen.number(), chosen.cells(), locateAny(chosen.cells()));
        } else {
            for (int i = 0; i < head.size() && header == null; i++) {
                Row row = head.get(i);
                if (row.number() > ImportPipeline.HEADER_WITHIN) {
                    break;
                }
                Map<String, Integer> single = locateAny(row.cells());
                if (single.isEmpty()) {
                    continue;
                }
                Row next = i + 1 < head.size() ? head.get(i + 1) : null;
                if (next != null && next.number() == row.number() + 1) {
                    List<String> combined = ColumnMapping.combine(row.cells(), next.cells());
                    Map<String, Integer> both = locateAny(combined);
                    if (both.size() > single.size()) {
                        take(row.number(), next.number(), combined, both);
                        break;
                    }
                }
                take(row.number(), row.number(), row.cells(), single);
            }
            if (header == null) {
                Row candidate = titleRow();
                if (candidate == null) {
                    throw DomainException.invalid(handler.noHeaderKey(), ImportPipeline.HEADER_WITHIN);
                }
                take(candidate.number(), candidate.number(), candidate.cells(), Map.of());
            }
        }
        for (Row row : head) {
            if (row.number() > headerRow) {
                data(row);
            } else {
                // the title and the header are typed in the file's font too (a template's Unicode header is no evidence)
                row.cells().forEach(detector::addLegacyOnly);
            }
        }
    }

    private void take(long first, long last, List<String> cells, Map<String, Integer> found) {
        firstHeaderRow = first;
        headerRow = last;
        header = cells;
        located = found;
    }

    private Map<String, Integer> locateAny(List<String> cells) {
        for (LegacyText.Encoding guess : LegacyText.Encoding.values()) {
            Map<String, Integer> found = handler.locate(cells.stream().map(c -> LegacyText.repair(c, guess)).toList());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Map.of();
    }

    /** When no title is recognised: the first row of three or more titles (text, no numbers) with rows after it. */
    private Row titleRow() {
        for (int i = 0; i + 1 < head.size(); i++) {
            Row row = head.get(i);
            List<String> filled = SheetLayout.filled(row);
            if (row.number() <= ImportPipeline.HEADER_WITHIN && filled.size() >= 3
                    && filled.stream().noneMatch(c -> c.strip().matches("[\\d.,/ %-]+"))) {
                return row;
            }
        }
        return null;
    }

    private void data(Row row) {
        row.cells().forEach(detector::add);
        dataRows++;
        if (sampledRows < SAMPLED_ROWS && SheetLayout.filled(row).size() >= 3) {
            sampledRows++;
            for (int i = 0; i < row.cells().size(); i++) {
                String cell = row.cells().get(i);
                if (!VietnameseText.isBlank(cell)) {
                    List<String> kept = samples.computeIfAbsent(i, k -> new ArrayList<>());
                    if (kept.size() < SAMPLES && !kept.contains(cell)) {
                        kept.add(cell);
                    }
                }
            }
        }
    }

    /** The lines above the header (issuing body, title), repaired. */
    List<ImportPipeline.Context.Line> above(LegacyText.Encoding encoding, boolean mixed) {
        List<ImportPipeline.Context.Line> lines = new ArrayList<>();
        for (Row row : head) {
            if (row.number() < firstHeaderRow) {
                for (String cell : row.cells()) {
                    String text = VietnameseText.clean(LegacyText.repair(cell, encoding, mixed));
                    if (text != null && !text.isEmpty()) {
                        lines.add(new ImportPipeline.Context.Line(row.number(), text));
                    }
                }
            }
        }
        return lines;
    }

    List<String> titles(LegacyText.Encoding encoding, boolean mixed) {
        return header.stream().map(c -> {
            String text = VietnameseText.clean(LegacyText.repair(c, encoding, mixed));
            return text == null ? "" : text;
        }).toList();
    }

    /** Each column's meaning: chosen, remembered, recognised by its title, or guessed from its title and values. */
    ColumnMapping.Shown shown(LegacyText.Encoding encoding, boolean mixed, List<ColumnMapping.Field> fields,
                              Map<String, List<String>> accepted) {
        List<String> titles = titles(encoding, mixed);
        String signature = ColumnMapping.signature(handler.auditType(), titles);
        CurrentUser user = CurrentUser.get().orElse(null);
        ColumnMapping.Choice remembered = user == null || mappings == null || choice != null && !choice.columns().isEmpty() ? null
                : mappings.find(user, handler.auditType(), signature);
        Map<Integer, String> byIndex = new HashMap<>();
        located.forEach((key, index) -> byIndex.putIfAbsent(index, key));
        int width = titles.size();
        for (Integer index : samples.keySet()) {
            width = Math.max(width, index + 1);
        }
        Set<String> taken = new HashSet<>(located.keySet());
        List<ColumnMapping.Column> columns = new ArrayList<>();
        boolean unsure = located.isEmpty();
        for (int i = 0; i < Math.min(width, SpreadsheetFiles.MAX_COLUMNS); i++) {
            String title = i < titles.size() ? titles.get(i) : "";
            List<String> values = samples.getOrDefault(i, List.of()).stream()
                    .map(c -> VietnameseText.clean(LegacyText.repair(c, encoding, mixed))).toList();
            if (title.isEmpty() && values.isEmpty()) {
                continue;
            }
            String key;
            ColumnMapping.How how;
            if (choice != null && choice.columns().containsKey(i)) {
                key = choice.columns().get(i);
                how = ColumnMapping.How.CHOSEN;
            } else if (remembered != null && remembered.columns().containsKey(i)) {
                key = remembered.columns().get(i);
                how = ColumnMapping.How.REMEMBERED;
            } else if (byIndex.containsKey(i)) {
                key = byIndex.get(i);
                how = ColumnMapping.How.RECOGNISED;
            } else if (ColumnMapping.ignorable(title) || title.isEmpty() && values.stream().allMatch(v -> v.matches("\\d{1,6}"))) {
                key = "";
                how = ColumnMapping.How.IGNORED;
            } else {
                key = handler.guess(title, values);
                if (key != null && !taken.add(key)) {
                    key = null;
                }
                how = key == null ? ColumnMapping.How.UNKNOWN : ColumnMapping.How.GUESSED;
                unsure |= !title.isEmpty() || key != null;
            }
            if (key != null && key.contains("YEAR")) {
                // an Excel date shows as its day, never as the day number stored
                values = values.stream().map(v -> {
                    Years.Read read = Years.read(v);
                    return read != null && read.serial() ? Years.shown(read.date()) : v;
                }).toList();
            }
            columns.add(new ColumnMapping.Column(i, ColumnMapping.letter(i), title.replace("|", " / "), key, how, values));
        }
        boolean needsMapping = unsure && (choice == null || choice.columns().isEmpty()) && remembered == null;
        return new ColumnMapping.Shown(headerRow, needsMapping, signature, columns, fields, accepted, List.of(),
                choice == null ? Map.of() : choice.values());
    }
}
