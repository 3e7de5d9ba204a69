package vn.dvk.exchange;

import org.apache.commons.text.similarity.LevenshteinDistance;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.shared.VietnameseText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the unit a spreadsheet names by its province, district and commune as people type them:
 * with or without "xã", "phường", "thị trấn", "huyện"…, abbreviated ("TT.", "P.", "TP."), with or
 * without diacritics, in the names of the year meant (an old commune merged in 2025 is found by its
 * old name) and, when a name is misspelt by a letter or two, the one close name under the same
 * parent. Several candidates, or none, give a problem naming the closest names.
 */
final class Gazetteer {

    private static final List<String> TYPE_WORDS = List.of("thanh pho", "thi tran", "thi xa", "dac khu", "tinh", "huyen",
            "quan", "xa", "phuong", "tp", "tt", "tx", "p", "x", "h", "q");
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    /** A unit found (and how, when it was not by its exact name), or a problem with the closest names. */
    record Found(AdminUnitView unit, String column, String typed, String understoodAs, String problemKey, List<String> suggestions) {

        static Found of(AdminUnitView unit) {
            return new Found(unit, null, null, null, null, List.of());
        }
    }

    private final Map<AdminUnitLevel, Map<String, List<AdminUnitView>>> byName = new EnumMap<>(AdminUnitLevel.class);
    private final Map<AdminUnitLevel, List<AdminUnitView>> byLevel = new EnumMap<>(AdminUnitLevel.class);
    private final Map<Long, AdminUnitView> byId = new HashMap<>();
    private final Map<String, Found> cache = new HashMap<>();

    Gazetteer(List<AdminUnitView> units) {
        for (AdminUnitView unit : units) {
            byName.computeIfAbsent(unit.level(), l -> new HashMap<>()).computeIfAbsent(core(unit.name()), n -> new ArrayList<>())
                    .add(unit);
            byLevel.computeIfAbsent(unit.level(), l -> new ArrayList<>()).add(unit);
            byId.put(unit.id(), unit);
        }
    }

    /** The unit with this id, or null. */
    AdminUnitView unit(Long id) {
        return id == null ? null : byId.get(id);
    }

    /** The unit and its ancestors, from the province down (as AdminUnits.lineage gives them), or empty when one is unknown. */
    List<AdminUnitView> lineage(AdminUnitView unit) {
        List<AdminUnitView> lineage = new ArrayList<>();
        for (Long id : unit.lineageIds()) {
            AdminUnitView u = byId.get(id);
            if (u == null) {
                return List.of();
            }
            lineage.add(u);
        }
        return lineage;
    }

    /** The folded name without the words of its type: "TT. Đinh Văn" and "thị trấn Đinh Văn" give "dinh van". */
    static String core(String name) {
        String folded = VietnameseText.fold(name);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String word : TYPE_WORDS) {
                if (folded.startsWith(word + " ") && folded.length() > word.length() + 1) {
                    folded = folded.substring(word.length() + 1).strip();
                    stripped = true;
                }
            }
        }
        // "P.1" folds to "p 1", "Phường 01" to "phuong 01": numbers without leading zeros
        return folded.replaceAll("\\b0+(\\d)", "$1");
    }

    private static final Map<String, String> TYPE_OF_WORD = Map.ofEntries(Map.entry("xa", "xa"), Map.entry("x", "xa"),
            Map.entry("phuong", "phuong"), Map.entry("p", "phuong"), Map.entry("thi tran", "thi tran"), Map.entry("tt", "thi tran"),
            Map.entry("dac khu", "dac khu"), Map.entry("huyen", "huyen"), Map.entry("h", "huyen"), Map.entry("quan", "quan"),
            Map.entry("q", "quan"), Map.entry("thi xa", "thi xa"), Map.entry("tx", "thi xa"), Map.entry("thanh pho", "thanh pho"),
            Map.entry("tp", "thanh pho"), Map.entry("tinh", "tinh"));

    /** The kind of unit a name starts with ("TT. Đinh Văn" gives "thi tran"), or null. */
    static String typeWord(String name) {
        String folded = VietnameseText.fold(name);
        for (String word : List.of("thanh pho", "thi tran", "thi xa", "dac khu", "tinh", "huyen", "quan", "xa", "phuong", "tp", "tt",
                "tx", "p", "x", "h", "q")) {
            if (folded.startsWith(word + " ")) {
                return TYPE_OF_WORD.get(word);
            }
        }
        return null;
    }

    /**
     * The unit meant by the three names (any may be blank) on the day, inside {@code within} (a unit's
     * subtree prefix, or null): the lowest level named.
     */
    Found find(String province, String district, String commune, LocalDate on, String within) {
        String key = province + "|" + district + "|" + commune + "|" + on + "|" + within;
        return cache.computeIfAbsent(key, k -> resolve(province, district, commune, on, within));
    }

    private Found resolve(String province, String district, String commune, LocalDate on, String within) {
        AdminUnitView parent = null;
        String[][] levels = {{province, "PROVINCE"}, {district, "DISTRICT"}, {commune, "COMMUNE"}};
        String[] columns = {InitiativeColumns.PROVINCE.header, InitiativeColumns.DISTRICT.header, InitiativeColumns.COMMUNE.header};
        Found last = null;
        for (int i = 0; i < levels.length; i++) {
            String typed = levels[i][0];
            if (typed == null || typed.isBlank()) {
                continue;
            }
            AdminUnitLevel level = AdminUnitLevel.valueOf(levels[i][1]);
            String prefix = parent != null ? parent.subtreePrefix() : within;
            Found found = one(level, typed, columns[i], on, prefix);
            if (found.unit() == null) {
                return found;
            }
            parent = found.unit();
            last = found;
        }
        if (last == null) {
            return new Found(null, columns[2], "", null, "import.locality.missing", List.of());
        }
        return last;
    }

    private Found one(AdminUnitLevel level, String typed, String column, LocalDate on, String prefix) {
        String core = core(typed);
        List<AdminUnitView> exact = inside(byName.getOrDefault(level, Map.of()).getOrDefault(core, List.of()), prefix);
        // "Phường An Bình" and "Xã An Bình" may both exist: a type typed before the name chooses
        String typedType = typeWord(typed);
        if (typedType != null && exact.size() > 1) {
            List<AdminUnitView> ofType = exact.stream().filter(u -> typedType.equals(typeWord(u.fullName()))).toList();
            if (!ofType.isEmpty()) {
                exact = ofType;
            }
        }
        AdminUnitView chosen = choose(exact, on);
        if (chosen == null && exact.size() > 1) {
            // "Mỹ Hòa" and "Mỹ Hóa" fold alike: the one spelt as typed (diacritics kept, case aside)
            String spelt = VietnameseText.spellingKey(typed);
            List<AdminUnitView> same = exact.stream().filter(u -> VietnameseText.spellingKey(u.fullName()).equals(spelt)
                    || VietnameseText.spellingKey(u.name()).equals(spelt)).toList();
            chosen = same.isEmpty() ? null : choose(same, on);
        }
        if (chosen != null) {
            return Found.of(chosen);
        }
        if (exact.size() > 1) {
            return new Found(null, column, typed, null, "import.locality.ambiguous", describe(exact));
        }
        // a letter or two off: the close names under the same parent
        List<AdminUnitView> candidates = inside(byLevel.getOrDefault(level, List.of()), prefix);
        Map<AdminUnitView, Integer> distances = new HashMap<>();
        for (AdminUnitView unit : candidates) {
            distances.put(unit, DISTANCE.apply(core, core(unit.name())));
        }
        int allowed = core.length() >= 8 ? 2 : 1;
        List<AdminUnitView> close = distances.entrySet().stream().filter(e -> e.getValue() <= allowed)
                .map(Map.Entry::getKey).toList();
        AdminUnitView near = choose(close, on);
        if (near != null && Set.copyOf(close.stream().map(AdminUnitView::code).toList()).size() == 1) {
            return new Found(near, column, typed, near.name(), null, List.of());
        }
        List<AdminUnitView> suggestions = distances.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).limit(3).toList();
        return new Found(null, column, typed, null, suggestions.isEmpty() ? "import.locality.unknown" : "import.locality.notFound",
                describe(suggestions));
    }

    private static List<AdminUnitView> inside(List<AdminUnitView> units, String prefix) {
        return prefix == null ? units : units.stream().filter(u -> u.path().startsWith(prefix)
                || u.subtreePrefix().equals(prefix) || (u.placedPath() != null && u.placedPath().startsWith(prefix))).toList();
    }

    /** The one unit (by code) valid on the day, else the one unit of any time with that name. */
    private static AdminUnitView choose(List<AdminUnitView> units, LocalDate on) {
        List<AdminUnitView> valid = units.stream().filter(u -> u.isValidOn(on)).toList();
        if (valid.size() == 1) {
            return valid.get(0);
        }
        if (valid.isEmpty() && !units.isEmpty() && units.stream().map(AdminUnitView::code).distinct().count() == 1) {
            return units.stream().max(Comparator.comparing(u -> u.validFrom() == null ? LocalDate.MIN : u.validFrom())).get();
        }
        return null;
    }

    private List<String> describe(List<AdminUnitView> units) {
        return units.stream().map(u -> {
            AdminUnitView parent = u.parentId() == null ? null : byId.get(u.parentId());
            return u.fullName() + (parent != null ? " (" + parent.fullName() + ")" : "");
        }).distinct().limit(5).toList();
    }
}
