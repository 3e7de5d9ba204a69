package vn.dvk.initiative;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.PageResponse;
import vn.dvk.shared.validation.PlausibleYear;
import vn.dvk.shared.web.ApiController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;

@ApiController
@Tag(name = "Initiatives")
class InitiativeApiController {

    private final InitiativeRegistry registry;
    private final Registrations registrations;
    private final Replications replications;
    private final Sectors sectors;

    InitiativeApiController(InitiativeRegistry registry, Registrations registrations, Replications replications, Sectors sectors) {
        this.registry = registry;
        this.registrations = registrations;
        this.replications = replications;
        this.sectors = sectors;
    }

    /** The initiative of ../shared/API.md, with display labels and localities added. */
    record InitiativeJson(Long id, String code, String name, Kind kind, Holder holder, String sector, String sectorLabel,
                          String unitCode, Long unitId, String unitName, String locality, Long organisationId,
                          String organisationName, String responsibleOfficer, Integer startYear, String description,
                          String method, String results, Set<TargetGroup> targetGroups, boolean featured,
                          Long replicatedFromId, Integer discontinuedFrom, String discontinuedReason, String workflowState,
                          List<InitiativeView.IndicatorView> indicators, long version) {
        static InitiativeJson of(InitiativeView v) {
            return new InitiativeJson(v.id(), v.code(), v.name(), v.kind(), v.holder(), v.sector(), v.sectorLabel(),
                    v.unitCode(), v.unitId(), v.unitName(), v.locality(), v.organisationId(), v.organisationName(),
                    v.responsibleOfficer(), v.startYear(), v.description(), v.method(), v.results(), v.targetGroups(),
                    v.featured(), v.replicatedFromId(), v.discontinuedFrom(), v.discontinuedReason(), v.workflowState(),
                    v.indicators(), v.version());
        }
    }

    /**
     * A created initiative answered as itself (API.md: never wrapped), the likely duplicates in the same
     * unit added as one more field.
     */
    record CreatedJson(@JsonUnwrapped InitiativeJson initiative,
                       List<InitiativeRow> possibleDuplicates) {
    }

    record RegistrationRequest(@PlausibleYear Integer year, RegistrationStatus status, Long organisationId) {
    }

    record RenewRequest(@Size(max = 60) String unitCode, @PlausibleYear Integer year) {
    }

    record DiscontinueRequest(@PlausibleYear Integer fromYear, @Size(max = 500) String reason) {
    }

    record ReplicaRequest(@Size(max = 60) String unitCode, Long unitId, Long organisationId, @PlausibleYear Integer startYear,
                          @Size(max = 300) String name) {
    }

    record IndicatorRequest(@Size(max = 200) String name, @Size(max = 50) String unit, @PlausibleYear Integer year,
                            @DecimalMin("-9999999999999999.99") @DecimalMax("9999999999999999.99") BigDecimal value) {
    }

    record SectorRequest(@Size(max = 40) String code, @Size(max = 200) String nameVi, @Size(max = 200) String nameEn) {
    }

    @GetMapping("/api/v1/sectors")
    List<Sectors.SectorView> sectors() {
        return sectors.all();
    }

    @PostMapping("/api/v1/sectors")
    @Operation(summary = "Add a sector (system administrators)")
    ResponseEntity<Sectors.SectorView> addSector(@RequestBody SectorRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sectors.add(request.code(), request.nameVi(), request.nameEn()));
    }

    @GetMapping("/api/v1/initiatives")
    @Operation(summary = "Initiatives under a unit (and everything under it), filtered; q ignores diacritics")
    PageResponse<InitiativeRow> list(@ParameterObject InitiativeFilter filter,
                                     @RequestParam(required = false) String structure,
                                     @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        var query = filter.query();
        return PageResponse.of(registry.search(query, "today".equalsIgnoreCase(structure), page, PageResponse.size(size)), r -> r);
    }

    @PostMapping("/api/v1/initiatives")
    @Operation(summary = "Register a new initiative; likely duplicates in the same unit are listed in the answer")
    ResponseEntity<CreatedJson> create(@RequestBody InitiativeDraft draft) {
        InitiativeRegistry.Created created = registry.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/initiatives/" + created.initiative().id()))
                .body(new CreatedJson(InitiativeJson.of(created.initiative()), created.possibleDuplicates()));
    }

    @GetMapping("/api/v1/initiatives/{id}")
    InitiativeJson get(@PathVariable Long id) {
        return InitiativeJson.of(registry.get(id));
    }

    @PutMapping("/api/v1/initiatives/{id}")
    InitiativeJson update(@PathVariable Long id, @RequestBody InitiativeDraft draft) {
        return withCurrentOnConflict(id, () -> InitiativeJson.of(registry.update(id, draft)));
    }

    /**
     * A write refused because the record changed meanwhile or is locked answers 409 with the record as it is now
     * ({@code current}), read after the refused transaction ended.
     */
    private InitiativeJson withCurrentOnConflict(Long id, Supplier<InitiativeJson> write) {
        try {
            return write.get();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            throw e.withCurrent(InitiativeJson.of(registry.get(id)));
        } catch (ObjectOptimisticLockingFailureException e) {
            throw DomainException.conflict("error.stale").withCurrent(InitiativeJson.of(registry.get(id)));
        }
    }

    @DeleteMapping("/api/v1/initiatives/{id}")
    ResponseEntity<Void> delete(@PathVariable Long id) {
        registry.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/initiatives/{id}/registrations")
    List<InitiativeView.RegistrationView> registrations(@PathVariable Long id) {
        return registry.get(id).registrations();
    }

    @PostMapping("/api/v1/initiatives/{id}/registrations")
    @Operation(summary = "Register the initiative for a year, NEW or MAINTAINED (409 when already registered that year);"
            + " answers the registration made")
    ResponseEntity<InitiativeView.RegistrationView> register(@PathVariable Long id, @RequestBody RegistrationRequest request) {
        registry.requireReadable(id);
        if (request.year() == null) {
            throw missing("year");
        }
        InitiativeView view = registrations.register(id, request.year(), request.status(), request.organisationId());
        InitiativeView.RegistrationView made = view.registrations().stream().filter(r -> r.year() == request.year())
                .findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/initiatives/" + id + "/registrations")).body(made);
    }

    @PostMapping("/api/v1/registrations/renew")
    @Operation(summary = "Register again, as MAINTAINED, every initiative under the unit registered the year before")
    Map<String, Integer> renew(@RequestBody RenewRequest request) {
        if (request.unitCode() == null || request.year() == null) {
            throw missing(request.unitCode() == null ? "unitCode" : "year");
        }
        return Map.of("renewed", registrations.renew(request.unitCode(), request.year()));
    }

    @PostMapping("/api/v1/initiatives/{id}/move-to-successor")
    @Operation(summary = "Move an initiative whose unit no longer exists to the unit of today that continues it; "
            + "its registrations of earlier years stay with the unit of their time")
    InitiativeJson moveToSuccessor(@PathVariable Long id) {
        return InitiativeJson.of(registrations.moveToSuccessor(id));
    }

    @PostMapping("/api/v1/initiatives/{id}/discontinue")
    InitiativeJson discontinue(@PathVariable Long id, @RequestBody DiscontinueRequest request) {
        registry.requireReadable(id);
        if (request.fromYear() == null) {
            throw missing("fromYear");
        }
        return InitiativeJson.of(registrations.discontinue(id, request.fromYear(), request.reason()));
    }

    @GetMapping("/api/v1/initiatives/{id}/replications")
    @Operation(summary = "The initiatives replicated from this one, recursively, with their localities")
    Replications.ReplicaNode replications(@PathVariable Long id) {
        return replications.replicationTree(id);
    }

    @PostMapping("/api/v1/initiatives/{id}/replicas")
    @Operation(summary = "Replicate the initiative (the pilot) to another locality")
    ResponseEntity<CreatedJson> replicate(@PathVariable Long id, @RequestBody ReplicaRequest request) {
        InitiativeRegistry.Created created = replications.replicate(id, request.unitCode(), request.unitId(),
                request.organisationId(), request.startYear(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/initiatives/" + created.initiative().id()))
                .body(new CreatedJson(InitiativeJson.of(created.initiative()), created.possibleDuplicates()));
    }

    @PutMapping("/api/v1/initiatives/{id}/indicators")
    @Operation(summary = "Record the value of a measurable indicator for a year")
    InitiativeJson measure(@PathVariable Long id, @RequestBody IndicatorRequest request) {
        registry.requireReadable(id);
        if (request.year() == null) {
            throw missing("year");
        }
        return withCurrentOnConflict(id, () -> InitiativeJson.of(registrations.measure(id, request.name(), request.unit(), request.year(),
                request.value())));
    }

    private static DomainException missing(String field) {
        return new DomainException(DomainException.Kind.INVALID,
                List.of(FieldProblem.field(field, "validation.NotNull")), "error.validation");
    }
}
