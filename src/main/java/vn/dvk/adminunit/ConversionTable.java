package vn.dvk.adminunit;

import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.tabular.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The statistics office's old→new conversion table of 2025 ("Bảng chuyển đổi ĐVHC mới – cũ"): one
 * row per (new commune, old commune) with the new province, the old district and the old province
 * written as "Name (code)". Applying it starts the new provinces and communes on the effective day,
 * ends every old unit it names (and everything under them) the day before, and links each old unit
 * to the new ones it went into. Banner rows (a province name alone) are skipped.
 */
class ConversionTable extends OfficialUnitList {

    static final String KIND = "CONVERSION_TABLE";
    static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);
    private static final String NEW_PROVINCE = "tinh thanh pho";
    private static final String NEW_NAME = "ten xa moi";
    private static final String NEW_CODE = "ma xa moi";
    private static final String OLD_NAME = "ten xa cu";
    private static final String OLD_CODE = "ma xa cu";
    private static final String NOTE = "ghi chu";
    private static final String OLD_DISTRICT = "quan huyen";
    private static final String OLD_PROVINCE = "tinh cu";

    private record Named(AdminUnitType.Parsed name, String code) {
    }

    private record Line(Named newProvince, Named newCommune, Named oldProvince, Named oldDistrict,
                        Named oldCommune, String note) {
        boolean partial() {
            String key = VietnameseText.fold(note);
            return !(key.startsWith("nhap toan bo") || key.startsWith("giu nguyen") || key.startsWith("sap xep toan bo")
                    || key.startsWith("doi ten") || key.startsWith("doi loai hinh"));
        }
    }

    private final List<Line> lines = new ArrayList<>();

    ConversionTable(Map<String, Integer> columns) {
        super(columns);
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    LocalDate defaultEffectiveFrom(LocalDate today) {
        return REFORM_2025;
    }

    @Override
    void read(Row row, Findings findings) {
        if (isBanner(row)) {
            return;
        }
        int before = findings.errorCount();
        Optional<Named> newProvince = named("new", AdminUnitLevel.PROVINCE, cell(row, NEW_PROVINCE), row, "Tỉnh, thành phố", findings);
        Optional<Named> oldProvince = named("old", AdminUnitLevel.PROVINCE, cell(row, OLD_PROVINCE), row, "Tỉnh cũ", findings);
        Optional<Named> oldDistrict = named("old", AdminUnitLevel.DISTRICT, cell(row, OLD_DISTRICT), row, "Quận/huyện", findings);
        Optional<Named> newCommune = commune("new", cell(row, NEW_NAME), cell(row, NEW_CODE), row, "Tên Xã mới", "Mã Xã mới", findings);
        Optional<Named> oldCommune = Optional.empty();
        if (!cell(row, OLD_CODE).isEmpty()) {
            oldCommune = commune("old", cell(row, OLD_NAME), cell(row, OLD_CODE), row, "Tên Xã cũ", "Mã Xã cũ", findings);
        } else if (!cell(row, OLD_NAME).isEmpty()) {
            findings.warning(row.number(), "Mã Xã cũ", "import.units.oldAreaWithoutCode", cell(row, OLD_NAME));
        }
        if (findings.errorCount() == before) {
            lines.add(new Line(newProvince.get(), newCommune.get(), oldProvince.get(), oldDistrict.get(),
                    oldCommune.orElse(null), cell(row, NOTE)));
        }
    }

    /** A banner names a province alone (e.g. "THÀNH PHỐ HÀ NỘI"), with no codes in the row. */
    private boolean isBanner(Row row) {
        return row.filledCells() == 1 && cell(row, NEW_CODE).isEmpty() && cell(row, OLD_CODE).isEmpty();
    }

    private Optional<Named> named(String scope, AdminUnitLevel level, String text, Row row, String column, Findings findings) {
        if (text.isEmpty()) {
            findings.error(row.number(), column, "import.units.missingName");
            return Optional.empty();
        }
        Optional<String[]> split = nameAndCode(text);
        if (split.isEmpty()) {
            findings.error(row.number(), column, "import.units.missingCodeInBrackets", text);
            return Optional.empty();
        }
        String code = level.normaliseCode(split.get()[1]);
        return parseName(level, split.get()[0], row, column, findings)
                .filter(parsed -> checkCode(scope, !"old".equals(scope), level, code, parsed.name(), row, column, findings))
                .map(parsed -> new Named(parsed, code));
    }

    private Optional<Named> commune(String scope, String name, String rawCode, Row row, String nameColumn, String codeColumn,
                                    Findings findings) {
        String code = AdminUnitLevel.COMMUNE.normaliseCode(rawCode);
        Optional<AdminUnitType.Parsed> parsed = parseName(AdminUnitLevel.COMMUNE, name, row, nameColumn, findings);
        if (parsed.isPresent() && checkCode(scope, !"old".equals(scope), AdminUnitLevel.COMMUNE, code,
                parsed.get().name(), row, codeColumn, findings)) {
            return Optional.of(new Named(parsed.get(), code));
        }
        return Optional.empty();
    }

    @Override
    void apply(UnitBook book, LocalDate day, ImportReport.Tally tally) {
        LocalDate eve = day.minusDays(1);
        Map<String, AdminUnit> done = new HashMap<>();
        Set<AdminUnit> ending = new LinkedHashSet<>();
        for (Line line : lines) {
            AdminUnit oldProvince = done.computeIfAbsent("oldP" + line.oldProvince().code(),
                    k -> ensureOld(book, line.oldProvince(), null, eve, tally));
            AdminUnit oldDistrict = done.computeIfAbsent("oldD" + line.oldDistrict().code(),
                    k -> ensureOld(book, line.oldDistrict(), oldProvince, eve, tally));
            AdminUnit oldCommune = line.oldCommune() == null ? null : done.computeIfAbsent("oldC" + line.oldCommune().code(),
                    k -> ensureOld(book, line.oldCommune(), oldDistrict, eve, tally));
            AdminUnit newProvince = done.computeIfAbsent("newP" + line.newProvince().code(),
                    k -> successor(book, line.newProvince(), null, day, tally));
            AdminUnit newCommune = done.computeIfAbsent("newC" + line.newCommune().code(),
                    k -> successor(book, line.newCommune(), newProvince, day, tally));

            if (oldProvince != newProvince) {
                ending.add(oldProvince);
                tally.link(book.link(oldProvince, newProvince, true, null));
            }
            ending.add(oldDistrict);
            tally.link(book.link(oldDistrict, newCommune, line.oldCommune() != null, null));
            if (oldCommune != null && oldCommune != newCommune) {
                ending.add(oldCommune);
                tally.link(book.link(oldCommune, newCommune, line.partial(), line.note()));
            }
        }
        for (AdminUnit unit : ending) {
            book.endSubtree(unit, eve).forEach(tally::closed);
        }
    }

    /** The old unit in force the day before the reform; created (ending that day) when the book lacks it. */
    private static AdminUnit ensureOld(UnitBook book, Named named, AdminUnit parent, LocalDate eve,
                                       ImportReport.Tally tally) {
        AdminUnitLevel level = named.name().type().level();
        Optional<AdminUnit> existing = book.validOn(level, named.code(), eve);
        if (existing.isPresent()) {
            tally.unchanged(existing.get());
            return existing.get();
        }
        AdminUnit created = book.create(named.name().type(), named.code(), named.name().name(), parent,
                book.freeStartBefore(level, named.code(), eve), eve);
        tally.created(created);
        return created;
    }

    /**
     * The unit in force from the reform day: the same unit when it goes on unchanged (same name,
     * same parent), otherwise a new version, ending the old version of that code the day before.
     */
    private static AdminUnit successor(UnitBook book, Named named, AdminUnit parent, LocalDate day,
                                       ImportReport.Tally tally) {
        AdminUnitLevel level = named.name().type().level();
        Optional<AdminUnit> current = book.validOn(level, named.code(), day);
        if (current.isPresent()) {
            AdminUnit unit = current.get();
            boolean startedBefore = unit.getValidFrom() == null || unit.getValidFrom().isBefore(day);
            boolean same = !unit.isNamedOtherThan(named.name().type(), named.name().name()) && unit.hasParent(parent);
            if (same) {
                tally.unchanged(unit);
                return unit;
            }
            if (!startedBefore) {
                return upsert(book, named.name(), named.code(), parent, day, tally);
            }
            book.endSubtree(unit, day.minusDays(1)).forEach(tally::closed);
        }
        AdminUnit created = book.create(named.name().type(), named.code(), named.name().name(), parent, day,
                book.freeEndAfter(level, named.code(), day));
        tally.created(created);
        return created;
    }
}
