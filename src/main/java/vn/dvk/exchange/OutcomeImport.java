package vn.dvk.exchange;

import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.report.OutcomeIndicators;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome indicators of units (households taking part, money and land mobilised…) through the import
 * pipeline: the unit by its code or by its names (as tolerant as for initiatives), the year, the
 * indicator, its unit of measure, value and note; an indicator of a unit and year is one row, so a
 * file imported twice changes nothing.
 */
@Component
class OutcomeImport implements ImportPipeline.RowHandler {

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
    private final ImportPipeline pipeline;

    private final Clock clock;

    OutcomeImport(OutcomeIndicators outcomes, AdminUnits units, ImportPipeline pipeline, Clock clock) {
        this.clock = clock;
        this.outcomes = outcomes;
        this.units = units;
        this.pipeline = pipeline;
    }

    ImportPipeline.Report run(byte[] content, String fileName, Integer year, boolean write, boolean goodRowsOnly,
                              ImportJobs.Progress progress) {
        return pipeline.run(this, content, fileName, year, write, goodRowsOnly, progress);
    }

    @Override
    public String auditType() {
        return "OUTCOME_IMPORT";
    }

    @Override
    public Map<String, Integer> locate(List<String> cells) {
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String key = ALIASES.get(ImportPipeline.headerKey(cells.get(i)));
            if (key != null) {
                found.putIfAbsent(key, i);
            }
        }
        boolean place = found.containsKey("UNIT_CODE") || found.containsKey("COMMUNE") || found.containsKey("DISTRICT")
                || found.containsKey("PROVINCE");
        return found.containsKey("NAME") && found.containsKey("VALUE") && place ? found : Map.of();
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
    public Session start(Integer defaultYear, boolean write) {
        return start(defaultYear, write, new ImportPipeline.Context(List.of()));
    }

    /** As above; a row without a year takes the import's year, else the one the title names ("… NĂM 2023"). */
    @Override
    public Session start(Integer defaultYear, boolean write, ImportPipeline.Context context) {
        Gazetteer gazetteer = new Gazetteer(units.allAboveVillages());
        String within = CurrentUser.get().map(u -> u.scope().national() ? null : u.scope().prefix().replace("%", "")).orElse(null);
        return (number, cells, problems) -> {
            Integer typedYear = cells.year("YEAR", number, problems);
            if (!problems.isEmpty()) {
                return null;
            }
            Integer year = context.yearOf(typedYear, defaultYear, HEADERS.get("YEAR"));
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
            int done = outcomes.put(new OutcomeIndicators.Input(code, year, name, cells.get("MEASURE"), cells.get("VALUE"),
                    cells.get("NOTE")), number, problems);
            if (done < 0) {
                return null;
            }
            ImportPipeline.Action action = done == 0 ? ImportPipeline.Action.CREATE : done == 1 ? ImportPipeline.Action.UPDATE
                    : ImportPipeline.Action.UNCHANGED;
            return new ImportPipeline.Line(number, action, code, name, unitName, List.of());
        };
    }
}
