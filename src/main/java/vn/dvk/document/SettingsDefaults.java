package vn.dvk.document;

import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.organisation.OrganisationType;
import vn.dvk.organisation.OrganisationView;
import vn.dvk.shared.office.OfficeDocs;
import vn.dvk.shared.office.OfficialDocument;
import vn.dvk.shared.office.OfficialDocument.Style;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings an organisation starts with, read from its name, type and unit: "Ban Dân vận Huyện ủy
 * Đam Rông" heads with "HUYỆN ỦY ĐAM RÔNG / BAN DÂN VẬN" and numbers "…/BDVHU"; since the 2025
 * merger "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng" heads with "ĐẢNG BỘ TỈNH LÂM ĐỒNG / BAN TUYÊN
 * GIÁO VÀ DÂN VẬN"; a party committee is headed by the party organisation of the unit above ("ĐẢNG BỘ
 * TỈNH LÂM ĐỒNG / HUYỆN ỦY ĐAM RÔNG"); a People's Committee writes in the state style.
 */
final class SettingsDefaults {

    private static final Pattern COMMITTEE_BOARD = Pattern.compile(
            "^(Ban .+?) ((Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy.*)$");
    private static final String MERGED_BOARD = "Tuyên giáo và Dân vận";

    private SettingsDefaults() {
    }

    static DocumentSettingsView of(OrganisationView org, AdminUnitView unit, AdminUnitView unitAbove) {
        String name = org.name();
        String place = place(unit);
        return switch (org.type()) {
            case MOBILISATION_COMMITTEE -> board(org, unit, place);
            case PARTY_COMMITTEE, PARTY_CELL -> committee(org, unitAbove, place);
            case GOVERNMENT -> new DocumentSettingsView(org.id(), name, Style.STATE, null, name, "UBND", place,
                    "TM. Ủy ban nhân dân", "Chủ tịch", null, List.of("- Như trên;", "- Lưu: VT."), false, 0);
            default -> new DocumentSettingsView(org.id(), name, Style.STATE, org.parentName(), name, null, place, null, null,
                    null, List.of("- Như trên;", "- Lưu: VT."), false, 0);
        };
    }

    private static DocumentSettingsView board(OrganisationView org, AdminUnitView unit, String place) {
        Matcher m = COMMITTEE_BOARD.matcher(org.name());
        String board = m.matches() ? m.group(1) : org.name();
        String committee = m.matches() ? m.group(2) : org.parentName();
        boolean merged = board.contains(MERGED_BOARD);
        String superior = merged && unit != null ? "Đảng bộ " + OfficialDocument.inSentence(unit.fullName(), prefix(unit))
                : committee;
        String symbol = (merged ? "BTGDV" : "BDV") + committeeCode(committee);
        List<String> recipients = committee == null ? List.of("- Lưu VT.")
                : List.of("- Thường trực " + committee + " (b/c),", "- Lưu VT.");
        return new DocumentSettingsView(org.id(), org.name(), Style.PARTY, superior, board, symbol, place, null, "Trưởng ban",
                null, recipients, false, 0);
    }

    private static DocumentSettingsView committee(OrganisationView org, AdminUnitView unitAbove, String place) {
        String name = org.name();
        boolean standing = name.startsWith("Ban Thường vụ ");
        String committee = standing ? name.substring("Ban Thường vụ ".length()) : name;
        String superior = unitAbove == null ? null : "Đảng bộ " + OfficialDocument.inSentence(unitAbove.fullName(), prefix(unitAbove));
        String[] words = committee.split(" ");
        String capacity = standing ? "T/M Ban Thường vụ" : "T/M " + (words.length >= 2 ? words[0] + " " + words[1] : committee);
        return new DocumentSettingsView(org.id(), name, Style.PARTY, superior, committee, committeeCode(committee), place,
                capacity, "Bí thư", null, List.of("- Như trên,", "- Lưu Văn phòng."), false, 0);
    }

    /** TU for a provincial or city committee, HU for a district's, QU, ĐU for a commune's or a body's. */
    static String committeeCode(String committee) {
        if (committee == null) {
            return "";
        }
        String c = committee.toLowerCase(OfficeDocs.VI);
        if (c.startsWith("huyện ủy")) {
            return "HU";
        }
        if (c.startsWith("quận ủy")) {
            return "QU";
        }
        if (c.startsWith("đảng ủy")) {
            return "ĐU";
        }
        return c.startsWith("tỉnh ủy") || c.startsWith("thành ủy") || c.startsWith("thị ủy") ? "TU" : "";
    }

    /** The date line's place: the unit's name without its kind ("Đam Rông"). */
    static String place(AdminUnitView unit) {
        if (unit == null) {
            return null;
        }
        String prefix = prefix(unit);
        return prefix != null && unit.fullName().startsWith(prefix + " ") ? unit.fullName().substring(prefix.length() + 1)
                : unit.name();
    }

    static String prefix(AdminUnitView unit) {
        return unit.type() == null ? null : unit.type().prefix();
    }

    static boolean isParty(OrganisationType type) {
        return type == OrganisationType.MOBILISATION_COMMITTEE || type == OrganisationType.PARTY_COMMITTEE
                || type == OrganisationType.PARTY_CELL;
    }
}
