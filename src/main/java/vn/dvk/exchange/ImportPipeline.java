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

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way a spreadsheet comes in, whatever it holds (initiatives, outcome indicators, evaluation
 * scores — each a {@link RowHandler}): the file checked ({@link SpreadsheetFiles}); a first pass finds
 * the header row and the file's encoding ({@link HeaderSearch}, {@link LegacyText}); a second pass
 * ({@link ImportRun}) gives each row's repaired cells to the handler, which checks and writes it,
 * inside one transaction that a preview (and an all-or-nothing import with any problem) rolls back —
 * so the preview says exactly what confirming will do.
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
        Set<String> keys();

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

        /**
         * Per import run, knowing what the file says above its table: checks and writes one row, adding its problems;
         * returns its line, or null when rejected.
         */
        Session start(Integer defaultYear, boolean write, Context context);

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
        private final Map<String, FieldProblem> noted = new LinkedHashMap<>();
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
        Map<String, List<String>> accepted = new LinkedHashMap<>();
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
        HeaderSearch first = new HeaderSearch(handler, choice, mappings);
        SpreadsheetFiles.rows(content, kind, first);
        first.end();
        if (progress != null) {
            progress.total(first.dataRows);
        }
        LegacyText.Encoding encoding = first.detector.verdict();
        boolean mixed = first.detector.mixed();
        ColumnMapping.Shown shown = first.shown(encoding, mixed, fields, accepted);
        Map<String, Integer> columns = new LinkedHashMap<>();
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
        ImportRun run = new ImportRun(entityManager, handler, columns, encoding, mixed, goodRowsOnly, choice, shown);
        Context context = new Context(first.above(run.encoding, run.mixed));
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
}
