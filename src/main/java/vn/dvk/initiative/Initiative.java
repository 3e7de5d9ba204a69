package vn.dvk.initiative;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.VietnameseText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.OptimisticLock;

/**
 * A "Dân vận khéo" model or exemplar. It guards its own rules: one registration a year, none from
 * the year it was discontinued, a replica never its own pilot.
 */
@Entity
@Table(name = "initiative")
class Initiative {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "initiative_seq")
    @SequenceGenerator(name = "initiative_seq", sequenceName = "initiative_seq", allocationSize = 50)
    private Long id;
    private String code;
    @Column(name = "province_id")
    private Long provinceId;
    private String name;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private Holder holder;
    private String sector;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "organisation_id")
    private Long organisationId;
    @Column(name = "responsible_officer")
    private String responsibleOfficer;
    @Column(name = "start_year")
    private Integer startYear;
    private String description;
    private String method;
    private String results;
    @Column(name = "ethnic_minority")
    private boolean ethnicMinority;
    private boolean religious;
    private boolean featured;
    @Column(name = "replicated_from_id")
    private Long replicatedFromId;
    @Column(name = "discontinued_from")
    private Integer discontinuedFrom;
    @Column(name = "discontinued_reason")
    private String discontinuedReason;
    @Column(name = "search_key")
    private String searchKey;
    @Column(name = "sort_key")
    private String sortKey;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    // Registering a year is not an edit of the initiative: it leaves the version alone, so registering two
    // years at once does not fail one of them, nor a form opened before (the writes that change
    // registrations take turns on the initiative's row lock instead, see InitiativeRepository#lockById).
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "initiative_id", nullable = false, updatable = false)
    @OrderBy("year")
    @OptimisticLock(excluded = true)
    private List<Registration> registrations = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "initiative_id", nullable = false, updatable = false)
    @OrderBy("name, year")
    private List<Indicator> indicators = new ArrayList<>();

    protected Initiative() {
    }

    Initiative(String code, Long provinceId, Instant now) {
        this.code = code;
        this.provinceId = provinceId;
        this.createdAt = now;
    }

    /** Everything a form or the API may set; the locality text feeds the search key. */
    record Description(String name, Kind kind, Holder holder, String sector, Long unitId, Long organisationId,
                       String responsibleOfficer, Integer startYear, String description, String method, String results,
                       Set<TargetGroup> targetGroups, boolean featured) {
    }

    void describe(Description d, String locality) {
        Long previousUnit = this.unitId;
        this.name = VietnameseText.clean(d.name());
        this.kind = d.kind();
        this.holder = d.holder();
        this.sector = d.sector();
        this.unitId = d.unitId();
        this.organisationId = d.organisationId();
        this.responsibleOfficer = VietnameseText.clean(d.responsibleOfficer());
        this.startYear = d.startYear();
        this.description = VietnameseText.clean(d.description());
        this.method = VietnameseText.clean(d.method());
        this.results = VietnameseText.clean(d.results());
        Set<TargetGroup> groups = d.targetGroups() == null ? Set.of() : d.targetGroups();
        this.ethnicMinority = groups.contains(TargetGroup.ETHNIC_MINORITY);
        this.religious = groups.contains(TargetGroup.RELIGIOUS);
        this.featured = d.featured();
        this.sortKey = VietnameseText.sortKey(this.name);
        this.searchKey = searchKey(locality);
        // only open years follow: a recognised year keeps what was recognised; the years left with an
        // earlier unit by a move after a reform stay there
        registrations.forEach(r -> r.classify(previousUnit == null || Objects.equals(r.getUnitId(), previousUnit)
                ? classification() : classification().inUnit(r.getUnitId())));
    }

    /** The classification a registration of an open year takes from the initiative. */
    Registration.Classification classification() {
        return new Registration.Classification(provinceId, unitId, sector, kind, holder, featured, ethnicMinority, religious);
    }

    private String searchKey(String locality) {
        String text = String.join(" ", name, code == null ? "" : code, description == null ? "" : description,
                locality == null ? "" : locality);
        String folded = " " + VietnameseText.fold(text) + " ";
        return folded.length() > 2000 ? folded.substring(0, 2000) : folded;
    }

    /**
     * Moves the initiative to the unit that continues its own after a reform: the open registrations of
     * {@code fromYear} and later go with it, earlier ones (and locked ones) stay with the unit of their time.
     */
    void relocate(Long newUnitId, String locality, int fromYear) {
        this.unitId = newUnitId;
        this.searchKey = searchKey(locality);
        registrations.stream().filter(r -> r.getYear() >= fromYear).forEach(r -> r.classify(classification()));
    }

    void recode(String newCode, String locality) {
        this.code = newCode;
        this.searchKey = searchKey(locality);
    }

    /** Registers the initiative for a year; refused twice for one year or from the year it was discontinued. */
    Registration register(int year, RegistrationStatus status, Long organisationId) {
        if (registrationFor(year).isPresent()) {
            throw DomainException.conflict("registration.duplicateYear", name, year);
        }
        if (discontinuedFrom != null && year >= discontinuedFrom) {
            throw DomainException.conflict("registration.discontinued", name, discontinuedFrom);
        }
        if (startYear != null && year < startYear) {
            throw DomainException.invalid("registration.beforeStart", year, startYear);
        }
        Registration registration = new Registration(year, status, organisationId);
        registration.classify(classification());
        registrations.add(registration);
        return registration;
    }

    /**
     * Refuses a change while the latest year's record is recognised (or proposed, or commended):
     * a committee member re-opens it first.
     */
    void requireUnlocked() {
        registrations.stream().max(Comparator.comparingInt(Registration::getYear))
                .filter(r -> r.getWorkflowState().locked())
                .ifPresent(r -> {
                    throw DomainException.conflict("initiative.locked", name, r.getYear());
                });
    }

    Optional<Registration> registrationFor(int year) {
        return registrations.stream().filter(r -> r.getYear() == year).findFirst();
    }

    /** Stops the initiative from a year on; registrations of that year and later must not exist. */
    void discontinue(int fromYear, String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("initiative.discontinueReason");
        }
        if (registrations.stream().anyMatch(r -> r.getYear() >= fromYear)) {
            throw DomainException.conflict("initiative.registeredAfterDiscontinuation", fromYear);
        }
        this.discontinuedFrom = fromYear;
        this.discontinuedReason = VietnameseText.clean(reason);
    }

    void replicateFrom(Initiative pilot, List<Long> pilotAncestry) {
        if (pilot.id.equals(id) || pilotAncestry.contains(id)) {
            throw DomainException.invalid("initiative.replicaOfItself");
        }
        this.replicatedFromId = pilot.id;
    }

    void measure(String indicatorName, String unit, int year, BigDecimal value) {
        String cleanName = VietnameseText.clean(indicatorName);
        indicators.stream().filter(i -> i.getName().equals(cleanName) && i.getYear() == year).findFirst()
                .ifPresentOrElse(i -> i.setValue(unit, value),
                        () -> indicators.add(new Indicator(cleanName, VietnameseText.clean(unit), year, value)));
    }

    boolean isDeletable() {
        return registrations.stream().allMatch(r -> r.getWorkflowState() == WorkflowState.DRAFT);
    }

    Set<TargetGroup> targetGroups() {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        if (ethnicMinority) {
            groups.add(TargetGroup.ETHNIC_MINORITY);
        }
        if (religious) {
            groups.add(TargetGroup.RELIGIOUS);
        }
        return groups;
    }

    /** The fields an audit entry compares. */
    Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("name", name);
        fields.put("kind", kind);
        fields.put("holder", holder);
        fields.put("sector", sector);
        fields.put("unitId", unitId);
        fields.put("organisationId", organisationId);
        fields.put("responsibleOfficer", responsibleOfficer);
        fields.put("startYear", startYear);
        fields.put("description", description);
        fields.put("method", method);
        fields.put("results", results);
        fields.put("targetGroups", targetGroups().toString());
        fields.put("featured", featured);
        fields.put("discontinuedFrom", discontinuedFrom);
        return fields;
    }

    Long getId() { return id; }
    String getCode() { return code; }
    Long getProvinceId() { return provinceId; }
    String getName() { return name; }
    Kind getKind() { return kind; }
    Holder getHolder() { return holder; }
    String getSector() { return sector; }
    Long getUnitId() { return unitId; }
    Long getOrganisationId() { return organisationId; }
    String getResponsibleOfficer() { return responsibleOfficer; }
    Integer getStartYear() { return startYear; }
    String getDescription() { return description; }
    String getMethod() { return method; }
    String getResults() { return results; }
    boolean isFeatured() { return featured; }
    Long getReplicatedFromId() { return replicatedFromId; }
    Integer getDiscontinuedFrom() { return discontinuedFrom; }
    String getDiscontinuedReason() { return discontinuedReason; }
    long getVersion() { return version; }
    String getSearchKey() { return searchKey; }
    String getSortKey() { return sortKey; }
    boolean isEthnicMinority() { return ethnicMinority; }
    boolean isReligious() { return religious; }
    Instant getCreatedAt() { return createdAt; }

    /** An id taken from the sequence by a batch insert that bypasses the entity manager (imports). */
    void assignId(long id) {
        this.id = id;
    }
    List<Registration> getRegistrations() { return registrations; }
    List<Indicator> getIndicators() { return indicators; }
}
