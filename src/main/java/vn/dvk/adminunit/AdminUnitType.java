package vn.dvk.adminunit;

import vn.dvk.shared.VietnameseText;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The kind of unit inside a level, each with the word that starts its full name. */
public enum AdminUnitType {
    CENTRAL_CITY(AdminUnitLevel.PROVINCE, "Thành phố"),
    PROVINCE(AdminUnitLevel.PROVINCE, "Tỉnh"),
    RURAL_DISTRICT(AdminUnitLevel.DISTRICT, "Huyện"),
    URBAN_DISTRICT(AdminUnitLevel.DISTRICT, "Quận"),
    DISTRICT_TOWN(AdminUnitLevel.DISTRICT, "Thị xã"),
    PROVINCIAL_CITY(AdminUnitLevel.DISTRICT, "Thành phố"),
    COMMUNE(AdminUnitLevel.COMMUNE, "Xã"),
    WARD(AdminUnitLevel.COMMUNE, "Phường"),
    TOWNSHIP(AdminUnitLevel.COMMUNE, "Thị trấn"),
    SPECIAL_ZONE(AdminUnitLevel.COMMUNE, "Đặc khu"),
    VILLAGE(AdminUnitLevel.VILLAGE, "Thôn"),
    HAMLET(AdminUnitLevel.VILLAGE, "Xóm"),
    HIGHLAND_VILLAGE(AdminUnitLevel.VILLAGE, "Bản"),
    SOUTHERN_HAMLET(AdminUnitLevel.VILLAGE, "Ấp"),
    HIGHLAND_HAMLET(AdminUnitLevel.VILLAGE, "Buôn"),
    RESIDENTIAL_GROUP(AdminUnitLevel.VILLAGE, "Tổ dân phố"),
    URBAN_QUARTER(AdminUnitLevel.VILLAGE, "Khu phố");

    private final AdminUnitLevel level;
    private final String prefix;

    AdminUnitType(AdminUnitLevel level, String prefix) {
        this.level = level;
        this.prefix = prefix;
    }

    public AdminUnitLevel level() {
        return level;
    }

    /** The Vietnamese word that starts a full name of this type ("Xã", "Thị trấn"). */
    public String prefix() {
        return prefix;
    }

    /** A full name split into its type and the bare name: "xã  Bắc Sơn" gives COMMUNE and "Bắc Sơn". */
    public record Parsed(AdminUnitType type, String name) {
        public String fullName() {
            return type.prefix + " " + name;
        }
    }

    /**
     * Recognises the type of a unit of the given level from its full name, ignoring case and
     * tone-mark placement; the longest matching prefix wins ("Thị trấn" before "Thị xã").
     */
    public static Optional<Parsed> parse(AdminUnitLevel level, String fullName) {
        String cleaned = VietnameseText.clean(fullName);
        if (cleaned == null || cleaned.isEmpty()) {
            return Optional.empty();
        }
        return match(level, cleaned, VietnameseText::spellingKey);
    }

    /**
     * As {@link #parse}, but also accepts a type word typed without its diacritics or marks
     * ("Xa Ea Kly", "Thi trấn Ngan Dừa"), as found in real files.
     */
    public static Optional<Parsed> parseLenient(AdminUnitLevel level, String fullName) {
        return parse(level, fullName).or(() -> {
            String cleaned = VietnameseText.clean(fullName);
            return cleaned == null || cleaned.isEmpty() ? Optional.empty() : match(level, cleaned, VietnameseText::fold);
        });
    }

    private static Optional<Parsed> match(AdminUnitLevel level, String cleaned, UnaryOperator<String> key) {
        String nameKey = key.apply(cleaned) + " ";
        return Arrays.stream(values())
                .filter(t -> t.level == level)
                .sorted(Comparator.comparingInt((AdminUnitType t) -> t.prefix.length()).reversed())
                .filter(t -> nameKey.startsWith(key.apply(t.prefix) + " "))
                .findFirst()
                .map(t -> new Parsed(t, cleaned.substring(t.prefix.length()).strip()))
                .filter(p -> !p.name().isEmpty());
    }

    /** The type a name without any type word is taken to be: Tỉnh, Huyện, Xã, Thôn. */
    public static AdminUnitType defaultOf(AdminUnitLevel level) {
        return switch (level) {
            case PROVINCE -> PROVINCE;
            case DISTRICT -> RURAL_DISTRICT;
            case COMMUNE -> COMMUNE;
            case VILLAGE -> VILLAGE;
        };
    }

    /** The type named by a level word such as the "Cấp" column of the GSO list ("Thị trấn"). */
    public static Optional<AdminUnitType> ofWord(AdminUnitLevel level, String word) {
        String key = VietnameseText.spellingKey(word);
        return Arrays.stream(values())
                .filter(t -> t.level == level && VietnameseText.spellingKey(t.prefix).equals(key))
                .findFirst();
    }
}
