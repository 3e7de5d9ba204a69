package vn.dvk.adminunit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.dvk.shared.VietnameseText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of an administrative unit. A reform that changes a unit's parent or name ends this
 * version (validTo) and starts a new one, linked as its successor, so the data of every period
 * stays attached to the unit of its time.
 */
@Entity
@Table(name = "admin_unit")
class AdminUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_unit_seq")
    @SequenceGenerator(name = "admin_unit_seq", sequenceName = "admin_unit_seq", allocationSize = 50)
    private Long id;

    private String code;
    private String name;
    @Column(name = "full_name")
    private String fullName;
    @Enumerated(EnumType.STRING)
    private AdminUnitLevel level;
    @Enumerated(EnumType.STRING)
    private AdminUnitType type;
    @Column(name = "parent_id")
    private Long parentId;
    private String path;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    @Column(name = "search_key")
    private String searchKey;
    @Column(name = "sort_key")
    private String sortKey;
    @Column(name = "placed_path")
    private String placedPath;
    @Version
    private long version;

    protected AdminUnit() {
    }

    AdminUnit(String code, AdminUnitType type, String name, AdminUnit parent, LocalDate validFrom, LocalDate validTo) {
        this.code = code;
        placeUnder(parent);
        this.level = type.level();
        this.validFrom = validFrom;
        this.validTo = validTo;
        rename(type, name);
    }

    /** Places this unit under its parent (already saved, so its id is known). */
    void placeUnder(AdminUnit parent) {
        this.parentId = parent == null ? null : parent.id;
        this.path = parent == null ? "/" : parent.subtreePrefix();
    }

    /** The prefix of the path of every unit under this one: its ancestors' path and its own id. */
    String subtreePrefix() {
        return path + id + "/";
    }

    void rename(AdminUnitType type, String name) {
        this.type = type;
        this.name = VietnameseText.clean(name);
        this.fullName = type.prefix() + " " + this.name;
        this.searchKey = VietnameseText.fold(this.fullName);
        this.sortKey = VietnameseText.sortKey(this.name);
    }

    /** True when the given spelling differs from the stored one other than by case or tone-mark placement. */
    boolean isNamedOtherThan(AdminUnitType otherType, String otherName) {
        return type != otherType || !VietnameseText.spellingKey(name).equals(VietnameseText.spellingKey(otherName));
    }

    /** Ends this version on the given day (the last day it was in force); never extends an earlier end. */
    boolean endOn(LocalDate lastDay) {
        if (validTo != null && !validTo.isAfter(lastDay)) {
            return false;
        }
        this.validTo = lastDay;
        return true;
    }

    void reopen() {
        this.validTo = null;
    }

    boolean isValidOn(LocalDate day) {
        return validOn(validFrom, validTo, day);
    }

    /** Whether a unit in force from {@code from} to {@code to} (either open) is in force on the day. */
    static boolean validOn(LocalDate from, LocalDate to, LocalDate day) {
        return (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
    }

    /** Rewrites the path prefix after an ancestor moved. */
    void rebase(String oldPrefix, String newPrefix) {
        if (path.startsWith(oldPrefix)) {
            path = newPrefix + path.substring(oldPrefix.length());
        }
    }

    String getPlacedPath() {
        return placedPath;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    String getFullName() {
        return fullName;
    }

    AdminUnitLevel getLevel() {
        return level;
    }

    AdminUnitType getType() {
        return type;
    }

    Long getParentId() {
        return parentId;
    }

    String getPath() {
        return path;
    }

    LocalDate getValidFrom() {
        return validFrom;
    }

    LocalDate getValidTo() {
        return validTo;
    }

    boolean hasParent(AdminUnit parent) {
        return Objects.equals(parentId, parent == null ? null : parent.id);
    }
}
