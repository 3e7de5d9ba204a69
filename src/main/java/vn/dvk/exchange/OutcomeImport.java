package vn.dvk.exchange;

import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.report.OutcomeIndicators;
import vn.dvk.report.OutcomeSheets;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.storage.UploadNames;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome indicators of units (households taking part, money and land mobilised…), the one import path
 * for them: the unit by its code or by its names (as tolerant as for initiatives), the year, the
 * indicator, its unit of measure, value and note; an indicator of a unit and year is one row, so a
 * file imported twice changes nothing. The import pages preview and confirm a sheet; the report page
 * and its API import one all or nothing ({@link OutcomeSheets}).
 */
@Component
class OutcomeImport extends RowImport implements OutcomeSheets {

    static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("UNIT_CODE", "Mã đơn vị");
        HEADERS.put("PROVINCE", "Tỉnh/Thành phố");
        HEADERS.put("DISTRICT", "Huyện/Quận/Thị xã");
        HEADERS.put("COMMUNE", "Xã/Phường/Thị trấn");
        HEADERS.put("YEAR", "Năm");
        HEADERS.put("NAME", "Chỉ tiêu");
        HEADERS.put("MEASURE", "Đơn vị tính");
        HEADERS.put("VALUE", "Giá trị");
        HEADERS.put("NOTE", "Ghi chú");
    }

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ma don vi", "UNIT_CODE"), Map.entry("ma dvhc", "UNIT_CODE"), Map.entry("tinh", "PROVINCE"),
            Map.entry("tinh thanh pho", "PROVINCE"), Map.entry("huyen", "DISTRICT"), Map.entry("huyen quan thi xa", "DISTRICT"),
            Map.entry("xa", "COMMUNE"), Map.entry("xa phuong thi tran", "COMMUNE"), Map.entry("nam", "YEAR"),
            Map.entry("chi tieu", "NAME"), Map.entry("ten chi tieu", "NAME"), Map.entry("don vi tinh", "MEASURE"),
            Map.entry("dvt", "MEASURE"), Map.entry("gia tri", "VALUE"), Map.entry("so lieu", "VALUE"), Map.entry("ghi chu", "NOTE"));

    private final OutcomeIndicators outcomes;
    private final AdminUnits units;
    private final Clock clock;

    OutcomeImport(OutcomeIndicators outcomes, AdminUnits units, ImportPipeline pipeline, Clock clock) {
        super(pipeline);
        this.clock = clock;
        this.outcomes = outcomes;
        this.units = units;
    }

    /**
     * The report page's import: every row checked, then all written, or none when any row has a problem. The rows are
     * kept back until the last one is checked (not written and rolled back), so nothing is written even inside a
     * caller's own transaction.
     */
    @Override
    public Imported importAll(byte[] content, String originalName) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        String fileName = UploadNames.clean(originalName, Exchange.MAX_FILE_NAME, "chi-tieu");
        AllOrNothing handler = new AllOrNothing();
        ImportPipeline.Report report = pipeline.run(handler, content, fileName, null, true, false, null);
        if (report.problemRows() > 0) {
            throw new DomainException(DomainException.Kind.INVALID, report.problems(), "outcome.fileRefused",
                    String.valueOf(report.problems().size()));
        }
        int[] done = handler.done;
        return new Imported(done[0], done[1], done[2]);
    }

    @Override
    public String auditType() {
        return "OUTCOME_IMPORT";
    }

    /**
     * A header names the indicator and its value and where (a unit code, or a province, district or commune), or,
     * as the report page's sheet has always had it, the unit code and the indicator.
     */
    @Override
    public Map<String, Integer> locate(List<String> cells) {
        Map<String, Integer> found = located(cells, ALIASES);
        boolean place = found.containsKey("UNIT_CODE") || found.containsKey("COMMUNE") || found.containsKey("DISTRICT")
                || found.containsKey("PROVINCE");
        boolean named = found.containsKey("NAME") && (found.containsKey("VALUE") && place || found.containsKey("UNIT_CODE"));
        return named ? found : Map.of();
    }

    @Override
    public String noHeaderKey() {
        return "import.outcomes.noHeader";
    }

    @Override
    public String header(String key) {
        return HEADERS.get(key);
    }

    @Override
    public Session start(Integer defaultYear, boolean write, ImportPipeline.Context context) {
        return new Rows(defaultYear, context, null);
    }

    /** This kind of file read for {@link #importAll}: its rows written only once every row is checked. */
    private final class AllOrNothing implements ImportPipeline.RowHandler {
        /** How many rows were created, updated, left unchanged. */
        final int[] done = new int[3];

        @Override
        public String auditType() {
            return OutcomeImport.this.auditType();
        }

        @Override
        public Map<String, Integer> locate(List<String> cells) {
            return OutcomeImport.this.locate(cells);
        }

        @Override
        public String noHeaderKey() {
            return OutcomeImport.this.noHeaderKey();
        }

        @Override
        public String header(String key) {
            return OutcomeImport.this.header(key);
        }

        @Override
        public Session start(Integer defaultYear, boolean write, ImportPipeline.Context context) {
            return new Rows(defaultYear, context, done);
        }
    }

    /**
     * The rows of one run: a row without a year takes the import's year, else the one the title names ("… NĂM 2023");
     * each is written at once, or, when {@code keptBack} counts are given, kept back and written (and counted) at the
     * end when no row was refused.
     */
    private final class Rows implements Session {
        final Integer defaultYear;
        final ImportPipeline.Context context;
        final Gazetteer gazetteer = new Gazetteer(units.allAboveVillages());
        final String within = CurrentUser.get().map(u -> u.scope().national() ? null : u.scope().prefix().replace("%", ""))
                .orElse(null);
        final int[] keptBackCounts;
        final List<OutcomeIndicators.Checked> keptBack = new ArrayList<>();
        boolean refused;

        Rows(Integer defaultYear, ImportPipeline.Context context, int[] keptBackCounts) {
            this.defaultYear = defaultYear;
            this.context = context;
            this.keptBackCounts = keptBackCounts;
        }

        @Override
        public ImportPipeline.Line row(long number, ImportPipeline.Cells cells, List<FieldProblem> problems) {
            ImportPipeline.Line line = read(number, cells, problems);
            refused |= line == null || !problems.isEmpty();
            return line;
        }

        private ImportPipeline.Line read(long number, ImportPipeline.Cells cells, List<FieldProblem> problems) {
            Integer year = yearOf(cells, "YEAR", number, defaultYear, context, problems);
            if (!problems.isEmpty()) {
                return null;
            }
            String code = cells.get("UNIT_CODE");
            String unitName = code;
            if (code.isEmpty()) {
                LocalDate on = year != null && year > 1900 && year < 3000 ? LocalDate.of(year, 12, 31) : LocalDate.now(clock);
                Gazetteer.Found place = gazetteer.find(cells.get("PROVINCE"), cells.get("DISTRICT"), cells.get("COMMUNE"), on, within);
                if (place.unit() == null) {
                    problems.add(FieldProblem.cell(number, place.column(), place.problemKey(), place.typed(),
                            String.join("; ", place.suggestions())));
                    return null;
                }
                if (place.understoodAs() != null) {
                    cells.understood(place.column(), place.typed(), place.understoodAs());
                }
                code = place.unit().code();
                unitName = place.unit().fullName();
            }
            String name = cells.get("NAME");
            OutcomeIndicators.Input input = new OutcomeIndicators.Input(code, year, name, cells.get("MEASURE"), cells.get("VALUE"),
                    cells.get("NOTE"));
            int done;
            if (keptBackCounts == null) {
                done = outcomes.put(input, number, problems);
            } else {
                OutcomeIndicators.Checked checked = outcomes.checked(input, number, problems);
                done = checked == null ? -1 : outcomes.effect(checked);
                if (checked != null) {
                    keptBack.add(checked);
                }
            }
            if (done < 0) {
                return null;
            }
            return new ImportPipeline.Line(number, action(done == 0, done == 1), code, name, unitName, List.of());
        }

        @Override
        public void finish() {
            if (keptBackCounts != null && !refused) {
                keptBack.forEach(checked -> keptBackCounts[outcomes.put(checked)]++);
            }
        }
    }
}
