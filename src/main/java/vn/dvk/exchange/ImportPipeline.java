package vn.dvk.exchange;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.tabular.Row;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way a spreadsheet comes in, whatever it holds (initiatives, outcome indicators, evaluation
 * scores — each a {@link RowHandler}): the file checked ({@link SpreadsheetFiles}); a first pass finds
 * the header row and the file's encoding ({@link LegacyText}); a second pass gives each row's repaired
 * cells to the handler, which checks and writes it, inside one transaction that a preview (and an
 * all-or-nothing import with any problem) rolls back — so the preview says exactly what confirming
 * will do.
 */
@Component
class ImportPipeline {

    enum Action { CREATE, UPDATE, UNCHANGED, REJECTED }

    /** A row's outcome as the preview lists it: what it is ({@code code}, {@code name}, {@code unit}) and what changed. */
    record Line(long row, Action action, String code, String name, String unit, List<String> changed) {
    }

    /** Text changed when read: legacy font converted, decomposed letters composed, a locality understood. */
    record Conversion(long row, String column, String from, String to) {
    }

    record Report(String fileName, String encoding, long rows, Map<Action, Long> counts, List<Line> lines,
                  List<FieldProblem> problems, long problemRows, List<Conversion> conversions, long conversionCount,
                  boolean written, boolean goodRowsOnly, List<List<String>> rejected,
                  Map<Long, List<FieldProblem>> rejectedProblems, List<String> header, List<FieldProblem> skipped,
                  long skippedCount, List<FieldProblem> warnings, List<FieldProblem> inferred, boolean nothingToChange,
                  ColumnMapping.Shown mapping) {

        public Report {
            skipped = skipped == null ? List.of() : skipped;
            warnings = warnings == null ? List.of() : warnings;
            inferred = inferred == null ? List.of() : inferred;
        }

        public long count(Action action) {
            return counts.getOrDefault(action, 0L);
        }
    }

    /** The cells of one row, repaired, by the handler's column keys; records what the repair changed. */
    interface Cells {
        String get(String key);

        /** The keys of the columns the header named. */
        java.util.Set<String> keys();

        /** The column's header as the file names it (for problems). */
        String header(String key);

        /** Tells the preview that a value was understood as another (a misspelt locality). */
        void understood(String column, String typed, String as);

        /**
         * The values a row marks in the x-mark columns of a field ("Tập thể" when its "Tập thể" column has an x); null
         * when the file has no x-mark column for the field.
         */
        default List<String> marked(String field) {
            return null;
        }

        /**
         * A year as offices type it: "2023", "2023.0", "năm 2023", a date ("15/3/2023", "2023-03-15") or an Excel date
         * (a day number such as 44999), the year of a date being noted for the preview; null when blank, or when not a
         * year (the problem added).
         */
        default Integer year(String key, long row, List<FieldProblem> problems) {
            String text = get(key);
            if (text.isEmpty()) {
                return null;
            }
            Years.Read read = Years.read(text);
            if (read == null) {
                problems.add(FieldProblem.cell(row, header(key), "import.cell.notYear", text));
                return null;
            }
            if (read.fromDate()) {
                // an Excel date shows as its day, never as the day number stored
                understood(header(key), read.serial() ? Years.shown(read.date()) : text, String.valueOf(read.year()));
            }
            return read.year();
        }
    }

    /** A header cell as the handlers compare it: folded, without what is in brackets ("Loại (Mô hình/Điển hình)" gives "loai"). */
    static String headerKey(String header) {
        return header == null ? "" : VietnameseText.fold(header.replaceAll("\\(.*?\\)", " "));
    }

    /** What a kind of file holds and how each row is written. */
    interface RowHandler {
        /** The object type of the audit entry of a written import. */
        String auditType();

        /** Where each column of a header row is, by key; empty unless the row is this kind of file's header. */
        Map<String, Integer> locate(List<String> cells);

        /** The message key when no header is found. */
        String noHeaderKey();

        /** The header of a key as the template names it. */
        String header(String key);

        /** The keys the column-mapping step offers, in the order shown (x-mark keys such as "SECTOR=Kinh tế" too). */
        default List<String> fields() {
            return List.of();
        }

        /** The values a field accepts, when they are a list (an unknown one can then be mapped to one of them); else null. */
        default List<String> accepted(String key) {
            return null;
        }

        /** The key a column's title and first values suggest when the title is not one the handler knows; null when none. */
        default String guess(String header, List<String> samples) {
            return null;
        }

        /** Per import run: checks and writes one row, adding its problems; returns its line, or null when rejected. */
        Session start(Integer defaultYear, boolean write);

        /** As {@link #start(Integer, boolean)}, knowing what the file says above its table. */
        default Session start(Integer defaultYear, boolean write, Context context) {
            return start(defaultYear, write);
        }

        interface Session {
            Line row(long number, Cells cells, List<FieldProblem> problems);

            /** A group row ("Xã Phi Liêng", "I. XÃ ĐẠ TÔNG") over the rows that follow: true when the session understood it. */
            default boolean group(long number, String text) {
                return false;
            }

            /** What the session warns about once every row is read (rows that land less precisely than the others). */
            default List<FieldProblem> warnings() {
                return List.of();
            }

            /** Writes what the session kept back for a batch (called once, after the last row). */
            default void finish() {
            }

            /** The objects the session wrote, for the import's audit entry to name (null: none to name). */
            default AuditEvent.Related written() {
                return null;
            }
        }
    }

    /**
     * What a file says outside its table, for the rows that leave it out: the lines above the header
     * (issuing body, title with the year), and which of it the rows used (for the preview to say so).
     */
    static final class Context {
        /** One line above the header. */
        record Line(long row, String text) {
        }

        private final List<Line> above;
        private final Integer titleYear;
        private final long titleYearRow;
        private final Map<String, FieldProblem> noted = new java.util.LinkedHashMap<>();
        private final Map<String, Long> uses = new HashMap<>();

        Context(List<Line> above) {
            this.above = List.copyOf(above);
            Line yearLine = above.stream().filter(l -> SheetLayout.titleYear(l.text()) != null).findFirst().orElse(null);
            this.titleYear = yearLine == null ? null : SheetLayout.titleYear(yearLine.text());
            this.titleYearRow = yearLine == null ? 0 : yearLine.row();
        }

        List<Line> above() {
            return above;
        }

        /** The year of the title, or null. */
        Integer titleYear() {
            return titleYear;
        }

        /** A value a row took from outside the table: listed once per source, with how many rows took it. */
        void used(String column, long sourceRow, String messageKey, Object value) {
            String key = messageKey + "|" + sourceRow + "|" + value;
            long count = uses.merge(key, 1L, Long::sum);
            noted.put(key, FieldProblem.cell(sourceRow, column, messageKey, value, sourceRow, count));
        }

        List<FieldProblem> inferred() {
            return List.copyOf(noted.values());
        }

        /** The year of a row: as typed, else the one chosen for the import, else the title's (noted for the preview); null when none. */
        Integer yearOf(Integer typed, Integer chosen, String column) {
            if (typed != null) {
                return typed;
            }
            if (chosen != null) {
                return chosen;
            }
            if (titleYear != null) {
                used(column, titleYearRow, "import.inferred.yearFromTitle", titleYear);
            }
            return titleYear;
        }
    }

    static final int SHOWN_LINES = 500;
    static final int SHOWN_PROBLEMS = 1_000;
    static final int SHOWN_CONVERSIONS = 200;
    static final int SHOWN_SKIPPED = 200;
    static final int SHOWN_UNKNOWN = 50;
    private static final int CLEAR_EVERY = 100;
    static final int HEADER_WITHIN = 30;

    private final TransactionTemplate transactions;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final ImportMappings mappings;

    ImportPipeline(PlatformTransactionManager transactions, EntityManager entityManager, ApplicationEventPublisher events,
                   ImportMappings mappings) {
        this.mappings = mappings;
        this.transactions = new TransactionTemplate(transactions);
        this.entityManager = entityManager;
        this.events = events;
    }

    /** Refuses a mapping that names fields or values the kind of file does not have. */
    void check(RowHandler handler, ColumnMapping.Choice choice) {
        List<ColumnMapping.Field> fields = fields(handler);
        ColumnMapping.check(choice, fields, accepted(handler, fields));
    }

    private static List<ColumnMapping.Field> fields(RowHandler handler) {
        return handler.fields().stream().map(k -> new ColumnMapping.Field(k, handler.header(k))).toList();
    }

    private static Map<String, List<String>> accepted(RowHandler handler, List<ColumnMapping.Field> fields) {
        Map<String, List<String>> accepted = new java.util.LinkedHashMap<>();
        for (ColumnMapping.Field field : fields) {
            List<String> values = handler.accepted(field.key());
            if (values != null) {
                accepted.put(field.key(), values);
            }
        }
        return accepted;
    }

    Report run(RowHandler handler, byte[] content, String fileName, Integer defaultYear, boolean write, boolean goodRowsOnly,
               ImportJobs.Progress progress) {
        return run(handler, content, fileName, defaultYear, write, goodRowsOnly, progress, null);
    }

    /** As above, the columns read as {@code choice} says where it says (null: as found, guessed or remembered). */
    Report run(RowHandler handler, byte[] content, String fileName, Integer defaultYear, boolean write, boolean goodRowsOnly,
               ImportJobs.Progress progress, ColumnMapping.Choice choice) {
        SpreadsheetFiles.Kind kind = SpreadsheetFiles.inspect(content);
        List<ColumnMapping.Field> fields = fields(handler);
        Map<String, List<String>> accepted = accepted(handler, fields);
        ColumnMapping.check(choice, fields, accepted);
        // first pass: the header row, the file's encoding, a few values of each column
        HeaderSearch first = new HeaderSearch(handler, choice);
        SpreadsheetFiles.rows(content, kind, first);
        first.end();
        if (progress != null) {
            progress.total(first.dataRows);
        }
        LegacyText.Encoding encoding = first.detector.verdict();
        boolean mixed = first.detector.mixed();
        ColumnMapping.Shown shown = first.shown(encoding, mixed, fields, accepted);
        Map<String, Integer> columns = new java.util.LinkedHashMap<>();
        for (ColumnMapping.Column column : shown.columns()) {
            if (column.key() != null && !column.key().isEmpty()) {
                columns.putIfAbsent(column.key(), column.index());
            }
        }
        if (handler.locate(columns.keySet().stream().map(handler::header).toList()).isEmpty() && first.located.isEmpty()) {
            // neither the titles nor the values say enough to read the rows
            throw DomainException.invalid(handler.noHeaderKey(), HEADER_WITHIN);
        }
        List<String> header = shown.columns().isEmpty() ? List.of() : first.titles(encoding, mixed);
        long headerRow = first.headerRow;
        Run run = new Run(handler, columns, encoding, mixed, goodRowsOnly, choice, shown);
        List<Context.Line> aboveLines = new ArrayList<>();
        for (Row row : first.head) {
            if (row.number() < first.firstHeaderRow) {
                for (String cell : row.cells()) {
                    String text = VietnameseText.clean(LegacyText.repair(cell, run.encoding, run.mixed));
                    if (text != null && !text.isEmpty()) {
                        aboveLines.add(new Context.Line(row.number(), text));
                    }
                }
            }
        }
        Context context = new Context(aboveLines);
        RowHandler.Session session = handler.start(defaultYear, write, context);
        Report[] report = {null};
        transactions.executeWithoutResult(status -> {
            // the modules flush what they write; no flush of the whole context before each of their queries
            entityManager.setFlushMode(FlushModeType.COMMIT);
            SpreadsheetFiles.rows(content, kind, row -> {
                if (row.number() > headerRow) {
                    run.next(session, row);
                    if (progress != null) {
                        progress.done(row.number() - headerRow);
                    }
                }
            });
            run.endOfRows();
            try {
                session.finish();
            } catch (DomainException e) {
                run.failedWrites++;
                run.problemRows++;
                run.problems.add(FieldProblem.cell(run.rows, "", e.problems().isEmpty() ? e.messageKey() : e.problems().get(0).messageKey(),
                        e.problems().isEmpty() ? e.args() : e.problems().get(0).args()));
            }
            run.warnings.addAll(session.warnings());
            boolean acceptable = write && run.failedWrites == 0 && (goodRowsOnly || run.problemRows == 0);
            long changes = run.counts.getOrDefault(Action.CREATE, 0L) + run.counts.getOrDefault(Action.UPDATE, 0L);
            boolean commit = acceptable && changes > 0;
            // every good row is already there: a success that changes nothing, not a refusal
            boolean nothingToChange = acceptable && changes == 0 && run.counts.getOrDefault(Action.UNCHANGED, 0L) > 0;
            if (commit) {
                events.publishEvent(AuditEvent.of(AuditEvent.Action.IMPORT, handler.auditType(), fileName,
                        CurrentUser.get().map(u -> u.scope().national() ? null : u.scope().unitId()).orElse(null),
                        "%s: %d dòng, thêm %d, sửa %d, giữ nguyên %d, bỏ qua %d".formatted(fileName, run.rows,
                                run.counts.getOrDefault(Action.CREATE, 0L), run.counts.getOrDefault(Action.UPDATE, 0L),
                                run.counts.getOrDefault(Action.UNCHANGED, 0L), run.problemRows))
                        .withRelated(session.written()));
            } else {
                status.setRollbackOnly();
            }
            report[0] = new Report(fileName, run.encoding.name(), run.rows, run.counts, run.lines, run.problems, run.problemRows,
                    run.conversions, run.conversionCount, commit, goodRowsOnly, run.rejected, run.rejectedProblems, header,
                    run.skipped, run.skippedCount, run.warnings, context.inferred(), nothingToChange, run.shownMapping());
        });
        return report[0];
    }

    /**
     * The first pass over a file: finds the header among the first rows (one row, or two when titles are merged over
     * the columns below them), or the row the officer named; counts the data rows, learns the encoding and keeps a few
     * values of each column for the mapping step.
     */
    private final class HeaderSearch implements java.util.function.Consumer<Row> {
        private static final int SAMPLES = 3;
        private static final int SAMPLED_ROWS = 300;
        final RowHandler handler;
        final ColumnMapping.Choice choice;
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

        HeaderSearch(RowHandler handler, ColumnMapping.Choice choice) {
            this.handler = handler;
            this.choice = choice;
        }

        @Override
        public void accept(Row row) {
            if (!decided) {
                head.add(row);
                if (row.number() > HEADER_WITHIN + 1) {
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
                    if (row.number() > HEADER_WITHIN) {
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
                        throw DomainException.invalid(handler.noHeaderKey(), HEADER_WITHIN);
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
                if (row.number() <= HEADER_WITHIN && filled.size() >= 3
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
            java.util.Set<String> taken = new java.util.HashSet<>(located.keySet());
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

    /** The bookkeeping of one run over the rows of a file. */
    private final class Run {
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
        final Map<String, ColumnMapping.Unknown> unknown = new java.util.LinkedHashMap<>();

        Run(RowHandler handler, Map<String, Integer> columns, LegacyText.Encoding encoding, boolean mixed, boolean goodRowsOnly,
            ColumnMapping.Choice choice, ColumnMapping.Shown shown) {
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
                    raw = vn.dvk.shared.tabular.FormulaGuard.fromCell(raw);
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
                public java.util.Set<String> keys() {
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
}
