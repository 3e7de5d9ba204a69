package vn.dvk.exchange;

import jakarta.persistence.EntityManager;
import vn.dvk.exchange.ImportPipeline.Action;
import vn.dvk.exchange.ImportPipeline.Cells;
import vn.dvk.exchange.ImportPipeline.Conversion;
import vn.dvk.exchange.ImportPipeline.Line;
import vn.dvk.exchange.ImportPipeline.RowHandler;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.tabular.Row;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.dvk.shared.tabular.FormulaGuard;

import static vn.dvk.exchange.ImportPipeline.SHOWN_CONVERSIONS;
import static vn.dvk.exchange.ImportPipeline.SHOWN_LINES;
import static vn.dvk.exchange.ImportPipeline.SHOWN_PROBLEMS;
import static vn.dvk.exchange.ImportPipeline.SHOWN_SKIPPED;
import static vn.dvk.exchange.ImportPipeline.SHOWN_UNKNOWN;

/**
 * The bookkeeping of one run over the rows of a file (the second pass of the {@link ImportPipeline}): which rows are
 * the layout's (blank, group, total, foot) and which are data for the handler, what each row did, and what the
 * preview shows of it.
 */
final class ImportRun {

    private static final int CLEAR_EVERY = 100;

    private final EntityManager entityManager;
    final RowHandler handler;
    final Map<String, Integer> columns;
    final LegacyText.Encoding encoding;
    final boolean mixed;
    final boolean goodRowsOnly;
    final Map<Action, Long> counts = new EnumMap<>(Action.class);
    final List<Line> lines = new ArrayList<>();
    final List<FieldProblem> problems = new ArrayList<>();
    final List<Conversion> conversions = new ArrayList<>();
    final List<List<String>> rejected = new ArrayList<>();
    final Map<Long, List<FieldProblem>> rejectedProblems = new HashMap<>();
    final List<FieldProblem> skipped = new ArrayList<>();
    final List<FieldProblem> warnings = new ArrayList<>();
    /** Blank rows since the last data row: reported only when no data follows them. */
    final List<Long> blanks = new ArrayList<>();
    long skippedCount;
    long rowsSinceTotal;
    boolean inFoot;
    long rows;
    long problemRows;
    long conversionCount;
    long failedWrites;

    final ColumnMapping.Choice choice;
    final ColumnMapping.Shown shown;
    /** The x-mark columns of each field: their index and the value a mark in them stands for. */
    final Map<String, List<Map.Entry<Integer, String>>> marks = new HashMap<>();
    /** The field of each header a problem names, for values no list accepts. */
    final Map<String, String> fieldOfHeader = new HashMap<>();
    final Map<String, ColumnMapping.Unknown> unknown = new LinkedHashMap<>();

    ImportRun(EntityManager entityManager, RowHandler handler, Map<String, Integer> columns, LegacyText.Encoding encoding,
              boolean mixed, boolean goodRowsOnly, ColumnMapping.Choice choice, ColumnMapping.Shown shown) {
        this.entityManager = entityManager;
        this.choice = choice;
        this.shown = shown;
        columns.forEach((key, index) -> {
            if (ColumnMapping.markValue(key) != null) {
                marks.computeIfAbsent(ColumnMapping.field(key), f -> new ArrayList<>()).add(Map.entry(index, ColumnMapping.markValue(key)));
            }
        });
        shown.accepted().keySet().forEach(key -> fieldOfHeader.put(handler.header(key), key));
        this.handler = handler;
        this.columns = columns;
        this.encoding = encoding;
        this.mixed = mixed;
        this.goodRowsOnly = goodRowsOnly;
    }

    void converted(long row, String column, String from, String to) {
        conversionCount++;
        if (conversions.size() < SHOWN_CONVERSIONS) {
            conversions.add(new Conversion(row, column, from, to));
        }
    }

    /** A row below the header: data for the handler, or a row of the layout, skipped and said why. */
    void next(RowHandler.Session session, Row row) {
        SheetLayout.Skip skip = SheetLayout.skip(row, rows == 0, inFoot);
        if (skip == SheetLayout.Skip.BLANK) {
            blanks.add(row.number());
            return;
        }
        if (skip == null && !inFoot) {
            String group = SheetLayout.groupText(row);
            if (group != null && !group.isEmpty() && session.group(row.number(), repaired(group))) {
                skip = SheetLayout.Skip.GROUP;
            } else if (group != null && SheetLayout.looksLikeHeading(row)) {
                skip = SheetLayout.Skip.HEADING;
            }
        }
        if (skip == null) {
            blanks.clear();
            rowsSinceTotal++;
            row(session, row);
            return;
        }
        if (skip.startsFoot()) {
            inFoot = true;
        }
        skipped(row.number(), skip, String.join(" ", SheetLayout.filled(row)));
        if (skip == SheetLayout.Skip.TOTAL) {
            checkTotal(row);
        }
    }

    private String repaired(String text) {
        return VietnameseText.clean(LegacyText.repair(text, encoding, mixed));
    }

    private void skipped(long number, SheetLayout.Skip skip, String text) {
        skippedCount++;
        if (skipped.size() < SHOWN_SKIPPED) {
            String shown = repaired(text);
            skipped.add(FieldProblem.cell(number, "", skip.messageKey(), shown.length() > 80 ? shown.substring(0, 80) + "…" : shown));
        }
    }

    /** A total that states a count: it should be the rows of its group, or of the whole file. */
    private void checkTotal(Row row) {
        List<Long> stated = SheetLayout.statedCounts(row);
        long numericCells = SheetLayout.filled(row).stream().filter(c -> c.strip().matches("\\d[\\d.,]*")).count();
        // a count under each x-mark column ("3 | 1 | 2…") totals the columns, not the rows: nothing to check it against
        if (!stated.isEmpty() && numericCells <= 2 && !stated.contains(rowsSinceTotal) && !stated.contains(rows)
                && stated.stream().mapToLong(Long::longValue).sum() != rows) {
            warnings.add(FieldProblem.cell(row.number(), "", "import.total.mismatch", stated.get(0), rows));
        }
        rowsSinceTotal = 0;
    }

    /** The blank rows after the last data row. */
    void endOfRows() {
        for (Long blank : blanks) {
            skipped(blank, SheetLayout.Skip.BLANK, "");
        }
        blanks.clear();
    }

    void row(RowHandler.Session session, Row row) {
        if (rows > 0) {
            entityManager.flush();
            if (rows % CLEAR_EVERY == 0) {
                entityManager.clear();
            }
        }
        rows++;
        long n = row.number();
        Cells cells = new Cells() {
            @Override
            public String get(String key) {
                Integer index = columns.get(key);
                if (index == null || index >= row.cells().size() || row.cells().get(index) == null) {
                    return "";
                }
                String raw = row.cells().get(index);
                raw = FormulaGuard.fromCell(raw);
                String repaired = VietnameseText.clean(LegacyText.repair(raw, encoding, mixed));
                String plain = VietnameseText.clean(raw);
                if (repaired != null && !repaired.equals(plain)) {
                    converted(n, handler.header(key), plain, repaired);
                } else if (!raw.equals(Normalizer.normalize(raw, Normalizer.Form.NFC))) {
                    converted(n, handler.header(key), raw.strip() + " (NFD)", repaired);
                }
                String mapped = choice == null || repaired == null ? null : choice.value(key, repaired);
                if (mapped != null) {
                    converted(n, handler.header(key), repaired, mapped);
                    return mapped;
                }
                return repaired == null ? "" : repaired;
            }

            @Override
            public List<String> marked(String field) {
                List<Map.Entry<Integer, String>> columnsOfField = marks.get(field);
                if (columnsOfField == null) {
                    return null;
                }
                List<String> values = new ArrayList<>();
                for (Map.Entry<Integer, String> column : columnsOfField) {
                    int index = column.getKey();
                    if (index < row.cells().size() && ColumnMapping.marks(LegacyText.repair(row.cells().get(index), encoding, mixed))) {
                        values.add(column.getValue());
                    }
                }
                return values;
            }

            @Override
            public Set<String> keys() {
                return columns.keySet();
            }

            @Override
            public String header(String key) {
                return handler.header(key);
            }

            @Override
            public void understood(String column, String typed, String as) {
                converted(n, column, typed, as);
            }
        };
        List<FieldProblem> found = new ArrayList<>();
        Line line;
        try {
            line = session.row(n, cells, found);
        } catch (DomainException e) {
            // refused by the module while writing (checked rows rarely are): the import cannot be committed
            failedWrites++;
            FieldProblem first = e.problems().isEmpty() ? null : e.problems().get(0);
            found.add(FieldProblem.cell(n, first != null && first.column() != null ? first.column() : "",
                    first != null ? first.messageKey() : e.messageKey(), first != null ? first.args() : e.args()));
            line = null;
        }
        if (line == null || !found.isEmpty()) {
            reject(row, found);
            return;
        }
        counts.merge(line.action(), 1L, Long::sum);
        if (lines.size() < SHOWN_LINES) {
            lines.add(line);
        }
    }

    /** The mapping as the preview shows it, with the values no list accepted. */
    ColumnMapping.Shown shownMapping() {
        return new ColumnMapping.Shown(shown.headerRow(), shown.needsMapping() || !unknown.isEmpty() && choice == null,
                shown.signature(), shown.columns(), shown.fields(), shown.accepted(), List.copyOf(unknown.values()), shown.values());
    }

    private void reject(Row row, List<FieldProblem> found) {
        problemRows++;
        counts.merge(Action.REJECTED, 1L, Long::sum);
        for (FieldProblem problem : found) {
            if (problems.size() < SHOWN_PROBLEMS) {
                problems.add(problem);
            }
            String field = fieldOfHeader.get(problem.column());
            if (field != null && "import.cell.notInListOf".equals(problem.messageKey()) && problem.args().length > 0) {
                String typed = String.valueOf(problem.args()[0]);
                String key = field + "|" + VietnameseText.fold(typed);
                ColumnMapping.Unknown before = unknown.get(key);
                if (before != null) {
                    unknown.put(key, new ColumnMapping.Unknown(field, before.column(), before.typed(), before.rows() + 1));
                } else if (unknown.size() < SHOWN_UNKNOWN) {
                    unknown.put(key, new ColumnMapping.Unknown(field, problem.column(), typed, 1));
                }
            }
        }
        if (goodRowsOnly && rejected.size() < SpreadsheetFiles.MAX_ROWS) {
            List<String> cells = new ArrayList<>(row.cells());
            cells.add(0, String.valueOf(row.number()));
            rejected.add(cells);
            rejectedProblems.put(row.number(), found);
        }
    }
}
