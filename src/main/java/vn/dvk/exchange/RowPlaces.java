package vn.dvk.exchange;

import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.shared.VietnameseText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where the rows of an initiatives file are when they leave their locality out: the unit the lines above the table
 * name (issuing body, title), or the group row over them ("Xã Phi Liêng", "I. XÃ ĐẠ TÔNG"); the preview says which.
 */
final class RowPlaces {

    private final Gazetteer gazetteer;
    private final String within;
    private final Integer defaultYear;
    private final ImportPipeline.Context context;
    private final Clock clock;
    /** The unit the lines above the table name (issuing body, title), and the row that names it. */
    private AdminUnitView bannerUnit;
    private long bannerRow;
    /** The unit of the last group row ("Xã Phi Liêng" over its rows), and its row. */
    private AdminUnitView groupUnit;
    private long groupRow;

    RowPlaces(Gazetteer gazetteer, String within, Integer defaultYear, ImportPipeline.Context context, Clock clock) {
        this.gazetteer = gazetteer;
        this.within = within;
        this.defaultYear = defaultYear;
        this.context = context;
        this.clock = clock;
        readBanner();
    }

    private LocalDate dayOfContext() {
        Integer year = defaultYear != null ? defaultYear : context.titleYear();
        int thisYear = LocalDate.now(clock).getYear();
        return year != null && year >= 1945 && year <= thisYear + 1 ? LocalDate.of(year, 12, 31) : LocalDate.now(clock);
    }

    /** The unit named above the table: the most precise one of the issuing body and title lines, when only one is. */
    private void readBanner() {
        LocalDate on = dayOfContext();
        List<Object[]> found = new ArrayList<>();
        for (AdminUnitLevel level : List.of(AdminUnitLevel.PROVINCE, AdminUnitLevel.DISTRICT, AdminUnitLevel.COMMUNE)) {
            String inside = found.isEmpty() ? within : ((AdminUnitView) found.get(found.size() - 1)[0]).subtreePrefix();
            List<Object[]> atLevel = new ArrayList<>();
            for (ImportPipeline.Context.Line line : context.above()) {
                if (SheetLayout.motto(line.text())) {
                    continue;
                }
                for (List<String> mention : SheetLayout.unitMentions(line.text())) {
                    AdminUnitView unit = named(mention, level, on, inside);
                    if (unit != null && atLevel.stream().noneMatch(u -> ((AdminUnitView) u[0]).id().equals(unit.id()))) {
                        atLevel.add(new Object[] {unit, line.row()});
                    }
                }
            }
            if (atLevel.size() > 1) {
                break;
            }
            found.addAll(atLevel);
        }
        if (!found.isEmpty()) {
            bannerUnit = (AdminUnitView) found.get(found.size() - 1)[0];
            bannerRow = (Long) found.get(found.size() - 1)[1];
        }
    }

    /** The unit of the level a mention names exactly ("xa phi lieng"), inside the prefix; null when none or several. */
    private AdminUnitView named(List<String> mention, AdminUnitLevel level, LocalDate on, String inside) {
        for (String text : mention) {
            String type = Gazetteer.typeWord(text);
            boolean fits = switch (level) {
                case PROVINCE -> "tinh".equals(type) || "thanh pho".equals(type);
                case DISTRICT -> List.of("huyen", "quan", "thi xa", "thanh pho").contains(type);
                default -> List.of("xa", "phuong", "thi tran", "dac khu").contains(type);
            };
            if (!fits) {
                return null;
            }
            Gazetteer.Found place = gazetteer.find(level == AdminUnitLevel.PROVINCE ? text : "",
                    level == AdminUnitLevel.DISTRICT ? text : "", level == AdminUnitLevel.COMMUNE ? text : "", on, inside);
            if (place.unit() != null && place.understoodAs() == null && place.unit().level() == level) {
                return place.unit();
            }
        }
        return null;
    }

    /** A group row naming a unit ("Xã Phi Liêng") over the rows that follow: true when it names one. */
    boolean group(long number, String text) {
        LocalDate on = dayOfContext();
        List<List<String>> mentions = SheetLayout.unitMentions(text);
        if (mentions.isEmpty()) {
            mentions = List.of(List.of("xa " + VietnameseText.fold(text)), List.of("huyen " + VietnameseText.fold(text)));
        }
        for (String inside : bannerUnit != null ? Arrays.asList(bannerUnit.subtreePrefix(), within)
                : Collections.singletonList(within)) {
            for (List<String> mention : mentions) {
                for (AdminUnitLevel level : List.of(AdminUnitLevel.COMMUNE, AdminUnitLevel.DISTRICT, AdminUnitLevel.PROVINCE)) {
                    AdminUnitView unit = named(mention, level, on, inside);
                    if (unit != null) {
                        groupUnit = unit;
                        groupRow = number;
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Where a row is: as its columns say, completed by the group row above it or the unit above the
     * table when the row leaves its locality out (the preview says where it came from).
     */
    Gazetteer.Found place(String province, String district, String commune, LocalDate on) {
        AdminUnitView known = groupUnit != null ? groupUnit : bannerUnit;
        if (known == null) {
            return gazetteer.find(province, district, commune, on, within);
        }
        String key = groupUnit != null ? "import.inferred.unitFromGroup" : "import.inferred.unitFromTitle";
        long source = groupUnit != null ? groupRow : bannerRow;
        boolean noParents = province.isEmpty() && district.isEmpty();
        if (noParents && commune.isEmpty()) {
            context.used(InitiativeColumns.COMMUNE.header, source, key, known.fullName());
            return Gazetteer.Found.of(known);
        }
        if (commune.isEmpty() && known.level() == AdminUnitLevel.COMMUNE) {
            Gazetteer.Found typed = gazetteer.find(province, district, "", on, within);
            if (typed.unit() != null && known.path().startsWith(typed.unit().subtreePrefix())) {
                context.used(InitiativeColumns.COMMUNE.header, source, key, known.fullName());
                return Gazetteer.Found.of(known);
            }
            return typed;
        }
        if (noParents && known.level() != AdminUnitLevel.COMMUNE) {
            Gazetteer.Found under = gazetteer.find("", "", commune, on, known.subtreePrefix());
            if (under.unit() != null) {
                context.used(InitiativeColumns.DISTRICT.header, source, key, known.fullName());
                return under;
            }
        }
        return gazetteer.find(province, district, commune, on, within);
    }
}
