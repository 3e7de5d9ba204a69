package vn.dvk.organisation;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.VietnameseText;

/** An organisation attached to one administrative unit, optionally under a parent organisation. */
@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_seq")
    @SequenceGenerator(name = "organisation_seq", sequenceName = "organisation_seq", allocationSize = 50)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private OrganisationType type;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "parent_id")
    private Long parentId;
    @Column(name = "search_key")
    private String searchKey;
    @Column(name = "sort_key")
    private String sortKey;
    @Version
    private long version;

    protected Organisation() {
    }

    Organisation(String name, OrganisationType type, Long unitId) {
        describe(name, type, unitId);
    }

    void describe(String name, OrganisationType type, Long unitId) {
        this.name = VietnameseText.clean(name);
        this.type = type;
        this.unitId = unitId;
        this.searchKey = VietnameseText.fold(this.name);
        this.sortKey = VietnameseText.sortKey(this.name);
    }

    /** Sets the parent; refuses itself or one of its own descendants (given as the parent's ancestry). */
    void placeUnder(Organisation parent, List<Long> parentAncestry) {
        if (parent != null && (parent.id.equals(id) || parentAncestry.contains(id))) {
            throw DomainException.invalid("organisation.parentIsSelf");
        }
        this.parentId = parent == null ? null : parent.id;
    }

    /** The fields an audit entry compares. */
    Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("type", type);
        fields.put("unitId", unitId);
        fields.put("parentId", parentId);
        return fields;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    OrganisationType getType() {
        return type;
    }

    Long getUnitId() {
        return unitId;
    }

    Long getParentId() {
        return parentId;
    }

    long getVersion() {
        return version;
    }
}
