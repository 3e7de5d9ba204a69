package vn.dvk.exchange;

import vn.dvk.initiative.Holder;
import vn.dvk.initiative.Kind;
import vn.dvk.initiative.RegistrationStatus;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.VietnameseText;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values offices type for an initiative's kind, holder, registration status and sector, in every
 * variant seen ("VH-XH", "QP-AN", "ĐK mới", "TT"…), each with the value of the list it stands for.
 * Also tells which field a bare value belongs to, for x-mark columns titled "Tập thể", "Mới", "Kinh tế".
 */
final class InitiativeValues {

    /** The ways offices write the seeded sectors, folded ("VH-XH", "QP-AN", "XDHTCT", "NTM"…; spaces need not match). */
    private static final Map<String, List<String>> SECTOR_ALIASES = Map.of(
            "ECONOMY", List.of("kt", "kinh te"),
            "CULTURE_SOCIETY", List.of("vh xh", "van hoa xa hoi", "van hoa"),
            "DEFENCE_SECURITY", List.of("qp an", "quoc phong an ninh", "an ninh quoc phong", "an ninh qp", "qp"),
            "POLITICAL_SYSTEM", List.of("xd htct", "htct", "xay dung dang va htct", "xay dung dang va he thong chinh tri",
                    "xay dung dang", "xay dung he thong chinh tri"),
            "NEW_RURAL", List.of("ntm", "xd ntm", "nong thon moi", "xay dung ntm", "xay dung nong thon moi"));

    static final Map<String, Kind> KINDS = withoutSpaces(Map.of("mo hinh", Kind.MODEL, "model", Kind.MODEL, "mh", Kind.MODEL,
            "dien hinh", Kind.EXEMPLAR, "exemplar", Kind.EXEMPLAR, "dh", Kind.EXEMPLAR));
    static final Map<Kind, String> KIND_LABELS = new EnumMap<>(Map.of(Kind.MODEL, "Mô hình", Kind.EXEMPLAR, "Điển hình"));
    static final Map<String, Holder> HOLDERS = withoutSpaces(Map.of("tap the", Holder.COLLECTIVE, "collective",
            Holder.COLLECTIVE, "tt", Holder.COLLECTIVE, "ca nhan", Holder.INDIVIDUAL, "individual", Holder.INDIVIDUAL,
            "cn", Holder.INDIVIDUAL));
    static final Map<Holder, String> HOLDER_LABELS = new EnumMap<>(Map.of(Holder.COLLECTIVE, "Tập thể", Holder.INDIVIDUAL, "Cá nhân"));
    static final Map<String, RegistrationStatus> STATUSES = withoutSpaces(Map.ofEntries(
            Map.entry("moi", RegistrationStatus.NEW), Map.entry("xay dung moi", RegistrationStatus.NEW),
            Map.entry("dang ky moi", RegistrationStatus.NEW), Map.entry("dk moi", RegistrationStatus.NEW),
            Map.entry("new", RegistrationStatus.NEW), Map.entry("duy tri", RegistrationStatus.MAINTAINED),
            Map.entry("tiep tuc duy tri", RegistrationStatus.MAINTAINED), Map.entry("dk duy tri", RegistrationStatus.MAINTAINED),
            Map.entry("dang ky duy tri", RegistrationStatus.MAINTAINED), Map.entry("maintained", RegistrationStatus.MAINTAINED),
            Map.entry("duy tri nhan rong", RegistrationStatus.MAINTAINED)));
    static final Map<RegistrationStatus, String> STATUS_LABELS = new EnumMap<>(Map.of(
            RegistrationStatus.NEW, "Mới", RegistrationStatus.MAINTAINED, "Duy trì"));

    /** Sector by folded name or variant, and the label of each active sector. */
    final Map<String, String> sectorNames;
    final Map<String, String> sectorLabels;

    InitiativeValues(List<Sectors.SectorView> sectors) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Sectors.SectorView s : sectors) {
            names.put(VietnameseText.fold(s.nameVi()), s.code());
            names.put(VietnameseText.fold(s.nameEn()), s.code());
            names.put(VietnameseText.fold(s.code()), s.code());
            SECTOR_ALIASES.getOrDefault(s.code(), List.of()).forEach(alias -> names.put(alias, s.code()));
            if (s.active()) {
                labels.put(s.code(), s.nameVi());
            }
        }
        this.sectorNames = withoutSpaces(names);
        this.sectorLabels = labels;
    }

    /** The folded names, and each also without its spaces ("vh xh" and "vhxh"). */
    static <T> Map<String, T> withoutSpaces(Map<String, T> names) {
        Map<String, T> all = new HashMap<>(names);
        names.forEach((name, value) -> all.putIfAbsent(name.replace(" ", ""), value));
        return all;
    }

    static <T> T lookup(Map<String, T> values, String text) {
        String key = VietnameseText.fold(text);
        T value = values.get(key);
        return value != null ? value : values.get(key.replace(" ", ""));
    }

    /** The choice field a value belongs to ("HOLDER" for "Tập thể", "SECTOR" for "VH-XH"), or null; sectors last. */
    String fieldOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (lookup(KINDS, text) != null) {
            return "KIND";
        }
        if (lookup(HOLDERS, text) != null) {
            return "HOLDER";
        }
        if (lookup(STATUSES, text) != null) {
            return "STATUS";
        }
        return lookup(sectorNames, text) != null ? "SECTOR" : null;
    }

    /** The sector a group row names ("II. LĨNH VỰC VĂN HÓA - XÃ HỘI"), or null. */
    String sectorOfHeading(String text) {
        String folded = VietnameseText.fold(text).replaceFirst("^linh vuc ", "");
        return lookup(sectorNames, folded);
    }

    /** The values of a choice field as the list names them; null for other fields. */
    List<String> accepted(String field) {
        return switch (field) {
            case "KIND" -> List.copyOf(KIND_LABELS.values());
            case "HOLDER" -> List.copyOf(HOLDER_LABELS.values());
            case "STATUS" -> List.copyOf(STATUS_LABELS.values());
            case "SECTOR" -> List.copyOf(sectorLabels.values());
            default -> null;
        };
    }

    /** The x-mark keys offered in the mapping step: one per value of each choice field. */
    List<String> markKeys() {
        List<String> keys = new ArrayList<>();
        for (String field : List.of("KIND", "HOLDER", "STATUS", "SECTOR")) {
            accepted(field).forEach(value -> keys.add(field + "=" + value));
        }
        return keys;
    }
}
