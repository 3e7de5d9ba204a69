package vn.dvk.exchange;

import java.text.Normalizer;
import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeIntake;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.Registrations;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.VietnameseText;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Initiatives, each with its registration for a year, in the template's columns ({@link InitiativeColumns}):
 * rows are matched to the registry by code, or by unit and name when they have none, so importing a
 * file twice changes nothing the second time. Runs through the {@link ImportPipeline}: this class reads
 * the header (titles, x-mark columns, guesses from values), {@link InitiativeRows} checks and writes the rows.
 */
@Component
class InitiativeImport extends RowImport {

    private final InitiativeRegistry registry;
    private final InitiativeIntake intake;
    private final Registrations registrations;
    private final Sectors sectors;
    private final AdminUnits units;
    private final Clock clock;
    /** New initiatives are written this many at a time. */
    static final int BATCH = 500;

    InitiativeImport(InitiativeRegistry registry, InitiativeIntake intake, Registrations registrations, Sectors sectors,
                     AdminUnits units, Clock clock, ImportPipeline pipeline) {
        super(pipeline);
        this.registry = registry;
        this.intake = intake;
        this.registrations = registrations;
        this.sectors = sectors;
        this.units = units;
        this.clock = clock;
    }

    /** Runs the import without following its progress. */
    ImportPipeline.Report run(byte[] content, String fileName, Integer defaultYear, boolean write, boolean goodRowsOnly) {
        return run(content, fileName, defaultYear, write, goodRowsOnly, null);
    }

    @Override
    public String auditType() {
        return "INITIATIVE_IMPORT";
    }

    /**
     * The columns a header row names. A title that is a value ("Tập thể", "Mới", "Kinh tế"), under a title naming its
     * field ("Lĩnh vực|Kinh tế" for a title over two rows) or beside another value of the same field, is an x-mark
     * column ({@code SECTOR=Kinh tế}). Empty unless the row names the initiative and at least two more fields.
     */
    @Override
    public Map<String, Integer> locate(List<String> cells) {
        InitiativeValues values = values();
        Map<String, Integer> found = new HashMap<>();
        Map<String, Map<String, Integer>> marks = new HashMap<>();
        Set<String> underTheirField = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            int bar = cell.indexOf('|');
            String parent = bar < 0 ? null : cell.substring(0, bar);
            String title = bar < 0 ? cell : cell.substring(bar + 1);
            InitiativeColumns column = InitiativeColumns.of(title);
            InitiativeColumns parentColumn = parent == null ? null : InitiativeColumns.of(parent);
            String field = ColumnMapping.ignorable(title) ? null : values.fieldOf(ImportPipeline.headerKey(title));
            if (field != null && (column == null || parentColumn != null && parentColumn.name().equals(field))) {
                marks.computeIfAbsent(field, f -> new LinkedHashMap<>()).putIfAbsent(markLabel(values, field, title), i);
                if (parentColumn != null && parentColumn.name().equals(field)) {
                    underTheirField.add(field);
                }
            } else if (column != null) {
                found.putIfAbsent(column.name(), i);
            } else if (parentColumn != null) {
                found.putIfAbsent(parentColumn.name(), i);
            }
        }
        marks.forEach((field, columns) -> {
            if (!found.containsKey(field) && (columns.size() >= 2 || underTheirField.contains(field))) {
                columns.forEach((label, index) -> found.put(field + "=" + label, index));
            }
        });
        Map<String, Integer> kinds = marks.getOrDefault("KIND", Map.of());
        if (!found.containsKey(InitiativeColumns.NAME.name()) && kinds.size() == 1 && !underTheirField.contains("KIND")) {
            // a lone "Mô hình" or "Điển hình" over the names
            found.put(InitiativeColumns.NAME.name(), kinds.values().iterator().next());
        }
        long fields = found.keySet().stream().map(ColumnMapping::field).distinct().count();
        return found.containsKey(InitiativeColumns.NAME.name()) && fields >= 3 ? found : Map.of();
    }

    /** The list's value a mark column's title stands for ("Văn hoá - Xã hội" for "VH-XH"). */
    private static String markLabel(InitiativeValues values, String field, String title) {
        String label = switch (field) {
            case "KIND" -> InitiativeValues.KIND_LABELS.get(InitiativeValues.lookup(InitiativeValues.KINDS, title));
            case "HOLDER" -> InitiativeValues.HOLDER_LABELS.get(InitiativeValues.lookup(InitiativeValues.HOLDERS, title));
            case "STATUS" -> InitiativeValues.STATUS_LABELS.get(InitiativeValues.lookup(InitiativeValues.STATUSES, title));
            default -> values.sectorLabels.get(InitiativeValues.lookup(values.sectorNames, title));
        };
        return label == null ? VietnameseText.clean(title) : label;
    }

    private volatile InitiativeValues cachedValues;
    private volatile long cachedAt;

    /** The values, the sectors read again at most once a minute (a header search asks often). */
    private InitiativeValues values() {
        long now = System.nanoTime();
        if (cachedValues == null || now - cachedAt > 60_000_000_000L) {
            cachedValues = new InitiativeValues(sectors.all());
            cachedAt = now;
        }
        return cachedValues;
    }

    @Override
    public List<String> fields() {
        List<String> keys = new ArrayList<>(Arrays.stream(InitiativeColumns.values()).map(Enum::name).toList());
        keys.addAll(values().markKeys());
        return keys;
    }

    @Override
    public List<String> accepted(String key) {
        return values().accepted(key);
    }

    /**
     * A column whose title is not known: its values tell ("Hình thức" holding "Mới"/"Duy trì" is the status, holding
     * "Mô hình" the kind; "Đơn vị chủ trì" holding "Xã …" is the commune). Null when they do not.
     */
    @Override
    public String guess(String header, List<String> samples) {
        InitiativeValues values = values();
        List<String> filled = samples.stream().filter(v -> v != null && !v.isBlank()).toList();
        if (filled.isEmpty() || filled.stream().allMatch(ColumnMapping::marks)) {
            return null;
        }
        String title = ImportPipeline.headerKey(header);
        // the values of one list, most of them (an office's own word or two among them is for the mapping step to settle)
        Map<String, Integer> fieldsOfValues = new HashMap<>();
        int others = 0;
        for (String value : filled) {
            String field = values.fieldOf(value);
            if (field == null) {
                others++;
            } else {
                fieldsOfValues.merge(field, 1, Integer::sum);
            }
        }
        if (fieldsOfValues.size() == 1 && fieldsOfValues.values().iterator().next() >= others) {
            return fieldsOfValues.keySet().iterator().next();
        }
        if (filled.stream().allMatch(v -> Years.read(v) != null && v.strip().length() <= 12)) {
            return title.contains("bat dau") || title.contains("xay dung") ? InitiativeColumns.START_YEAR.name()
                    : InitiativeColumns.YEAR.name();
        }
        if (title.matches("(ten )?(mo hinh|dien hinh|sang kien|cach lam hay)( .*)?") && fieldsOfValues.isEmpty()
                && filled.stream().allMatch(v -> v.strip().length() > 12)) {
            // names of initiatives under a title that is not one of ours ("Mô hình dân vận khéo", "Sáng kiến")
            return InitiativeColumns.NAME.name();
        }
        String unitType = null;
        for (String value : filled) {
            String type = Gazetteer.typeWord(VietnameseText.fold(value));
            if (type == null || unitType != null && !unitType.equals(type)) {
                return null;
            }
            unitType = type;
        }
        return switch (unitType) {
            case "tinh" -> InitiativeColumns.PROVINCE.name();
            case "huyen", "quan", "thi xa" -> InitiativeColumns.DISTRICT.name();
            case "xa", "phuong", "thi tran", "dac khu" -> InitiativeColumns.COMMUNE.name();
            default -> null;
        };
    }

    @Override
    public String noHeaderKey() {
        return "import.initiatives.noHeader";
    }

    @Override
    public String header(String key) {
        String value = ColumnMapping.markValue(key);
        String header = InitiativeColumns.valueOf(ColumnMapping.field(key)).header;
        return value == null ? header : header + ": " + value + " (x)";
    }

    @Override
    public Session start(Integer defaultYear, boolean write, ImportPipeline.Context context) {
        return new InitiativeRows(registry, intake, registrations, sectors, clock, new Gazetteer(units.allAboveVillages()), defaultYear, context,
                write);
    }

    /** The same text, where a tone mark sits aside: "Hoà"/"Hòa", "thuỷ"/"thủy" (old and new placement); case still counts. */
    static boolean sameText(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(b) || VietnameseText.spellingKey(a).equals(VietnameseText.spellingKey(b))
                && toneless(a).equals(toneless(b));
    }

    private static String toneless(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[\u0300\u0301\u0303\u0309\u0323]", "");
    }
}
