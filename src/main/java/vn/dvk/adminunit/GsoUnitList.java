package vn.dvk.adminunit;

import vn.dvk.shared.tabular.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics office's "Danh mục hành chính" export: one row per commune with its province and
 * district (columns Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH, Phường Xã, Mã PX, Cấp). Districts
 * without communes (island districts) come as rows with no commune.
 */
class GsoUnitList extends OfficialUnitList {

    static final String KIND = "GSO_LIST";
    private static final String PROVINCE = "tinh thanh pho";
    private static final String PROVINCE_CODE = "ma tp";
    private static final String DISTRICT = "quan huyen";
    private static final String DISTRICT_CODE = "ma qh";
    private static final String COMMUNE = "phuong xa";
    private static final String COMMUNE_CODE = "ma px";
    private static final String LEVEL_WORD = "cap";

    private record Line(AdminUnitType.Parsed province, String provinceCode, AdminUnitType.Parsed district,
                        String districtCode, AdminUnitType.Parsed commune, String communeCode) {
    }

    private final List<Line> lines = new ArrayList<>();

    GsoUnitList(Map<String, Integer> columns) {
        super(columns);
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    LocalDate defaultEffectiveFrom(LocalDate today) {
        return today;
    }

    @Override
    void read(Row row, Findings findings) {
        int before = findings.errorCount();
        String provinceCode = AdminUnitLevel.PROVINCE.normaliseCode(cell(row, PROVINCE_CODE));
        String districtCode = AdminUnitLevel.DISTRICT.normaliseCode(cell(row, DISTRICT_CODE));
        String communeCode = AdminUnitLevel.COMMUNE.normaliseCode(cell(row, COMMUNE_CODE));
        var province = parseName(AdminUnitLevel.PROVINCE, cell(row, PROVINCE), row, "Tỉnh Thành Phố", findings);
        var district = parseName(AdminUnitLevel.DISTRICT, cell(row, DISTRICT), row, "Quận Huyện", findings);
        Optional<AdminUnitType.Parsed> commune = Optional.empty();
        if (!communeCode.isEmpty() || !cell(row, COMMUNE).isEmpty()) {
            commune = communeName(row, findings);
        }
        province.ifPresent(p -> checkCode("", true, AdminUnitLevel.PROVINCE, provinceCode, p.name(), row, "Mã TP", findings));
        district.ifPresent(d -> checkCode("", true, AdminUnitLevel.DISTRICT, districtCode, d.name(), row, "Mã QH", findings));
        commune.ifPresent(c -> checkCode("", true, AdminUnitLevel.COMMUNE, communeCode, c.name(), row, "Mã PX", findings));
        if (findings.errorCount() == before) {
            lines.add(new Line(province.get(), provinceCode, district.get(), districtCode,
                    commune.orElse(null), commune.isPresent() ? communeCode : null));
        }
    }

    private Optional<AdminUnitType.Parsed> communeName(Row row, Findings findings) {
        String fullName = cell(row, COMMUNE);
        Optional<AdminUnitType> byWord = AdminUnitType.ofWord(AdminUnitLevel.COMMUNE, cell(row, LEVEL_WORD));
        Optional<AdminUnitType.Parsed> byName = AdminUnitType.parse(AdminUnitLevel.COMMUNE, fullName);
        if (byName.isPresent()) {
            return byName;
        }
        if (byWord.isPresent() && !fullName.isEmpty()) {
            return Optional.of(new AdminUnitType.Parsed(byWord.get(), fullName));
        }
        return parseName(AdminUnitLevel.COMMUNE, fullName, row, "Phường Xã", findings);
    }

    @Override
    void apply(UnitBook book, LocalDate day, ImportReport.Tally tally) {
        Map<String, AdminUnit> done = new HashMap<>();
        for (Line line : lines) {
            AdminUnit province = done.computeIfAbsent("P" + line.provinceCode(),
                    k -> upsert(book, line.province(), line.provinceCode(), null, day, tally));
            AdminUnit district = done.computeIfAbsent("D" + line.districtCode(),
                    k -> upsert(book, line.district(), line.districtCode(), province, day, tally));
            if (line.commune() != null) {
                done.computeIfAbsent("C" + line.communeCode(),
                        k -> upsert(book, line.commune(), line.communeCode(), district, day, tally));
            }
        }
    }
}
