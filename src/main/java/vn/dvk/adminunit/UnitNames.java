package vn.dvk.adminunit;

import java.util.Arrays;
import vn.dvk.shared.VietnameseText;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How people name a unit in a form: a code ("24886", "24886.001"), a name with or without its type
 * and diacritics ("Phi Liêng", "xa dam rong 1"), or the label the picker offers, the name followed by
 * its parents ("Xã Phi Liêng — Huyện Đam Rông, Tỉnh Lâm Đồng"). The parents after the dash (or a
 * comma) narrow the choice.
 */
final class UnitNames {

    static final String SEPARATOR = " — ";
    private static final Pattern CODE = Pattern.compile("\\d[\\d.]*");

    private UnitNames() {
    }

    /** What was typed, split into the unit's own name and the names of its parents (folded). */
    record Typed(String name, List<String> context) {

        static Typed of(String text) {
            String t = text == null ? "" : text.strip();
            int dash = indexOfDash(t);
            String own = dash >= 0 ? t.substring(0, dash) : t;
            String rest = dash >= 0 ? t.substring(dash + 1) : "";
            if (dash < 0 && own.contains(",")) {
                rest = own.substring(own.indexOf(',') + 1);
                own = own.substring(0, own.indexOf(','));
            }
            List<String> context = Arrays.stream(rest.split(","))
                    .map(UnitNames::stripValidity).map(VietnameseText::fold).filter(s -> !s.isBlank()).toList();
            return new Typed(VietnameseText.fold(stripValidity(own)), context);
        }

        private static int indexOfDash(String t) {
            int em = t.indexOf('—');
            if (em >= 0) {
                return em;
            }
            int en = t.indexOf('–');
            return en >= 0 ? en : t.indexOf(" - ");
        }
    }

    static boolean isCode(String text) {
        return text != null && CODE.matcher(text.strip()).matches();
    }

    /** The label a picker shows and a form sends back: the unit's full name, then its parents nearest first. */
    static String label(List<AdminUnitView> lineage) {
        AdminUnitView unit = lineage.get(lineage.size() - 1);
        StringBuilder label = new StringBuilder(unit.fullName());
        for (int k = lineage.size() - 2; k >= 0; k--) {
            label.append(k == lineage.size() - 2 ? SEPARATOR : ", ").append(lineage.get(k).fullName());
        }
        return label.toString();
    }

    /** True when the unit's own name (with or without its type word) is what was typed. */
    static boolean namedExactly(AdminUnitView unit, String folded) {
        return VietnameseText.fold(unit.fullName()).equals(folded) || VietnameseText.fold(unit.name()).equals(folded);
    }

    /** True when every parent named after the dash is one of the unit's parents. */
    static boolean inContext(List<AdminUnitView> lineage, List<String> context) {
        if (context.isEmpty()) {
            return true;
        }
        String parents = lineage.subList(0, lineage.size() - 1).stream()
                .map(u -> VietnameseText.fold(u.fullName()) + " | " + VietnameseText.fold(u.name()))
                .reduce("", (a, b) -> a + " | " + b);
        return context.stream().allMatch(c -> parents.contains(c.toLowerCase(Locale.ROOT)));
    }

    private static String stripValidity(String text) {
        int open = text.lastIndexOf('(');
        return open > 0 && text.strip().endsWith(")") ? text.substring(0, open) : text;
    }
}
