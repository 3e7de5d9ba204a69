package vn.dvk.organisation;

import vn.dvk.shared.web.Conflicts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.PageResponse;
import vn.dvk.shared.web.ApiController;

import java.net.URI;

@ApiController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class OrganisationApiController {

    private final Organisations organisations;
    private final MessageSource messages;

    OrganisationApiController(Organisations organisations, MessageSource messages) {
        this.organisations = organisations;
        this.messages = messages;
    }

    record OrganisationJson(Long id, String name, OrganisationType type, String label, String unitCode, Long unitId,
                            String unitName, Long parentId, String parentName, long version) {
    }

    record OrganisationRequest(String name, OrganisationType type, String unitCode, Long unitId, Long parentId,
                               Long version) {
        OrganisationDraft draft() {
            return new OrganisationDraft(name, type, unitCode, unitId, parentId, version);
        }
    }

    @GetMapping
    @Operation(summary = "Organisations under a unit (and everything under it), by type and name without diacritics")
    PageResponse<OrganisationJson> list(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) OrganisationType type,
                                        @RequestParam(required = false) String unit,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(required = false) Integer size) {
        var found = organisations.search(new Organisations.Query(q, type, unit), page, PageResponse.size(size));
        return PageResponse.of(found, this::json);
    }

    @GetMapping("/{id}")
    OrganisationJson get(@PathVariable Long id) {
        return json(organisations.get(id));
    }

    @PostMapping
    ResponseEntity<OrganisationJson> create(@RequestBody OrganisationRequest request) {
        OrganisationJson created = json(organisations.create(request.draft()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/organisations/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit an organisation; send the version you read (409 when someone changed it since)")
    OrganisationJson update(@PathVariable Long id, @RequestBody OrganisationRequest request) {
        return Conflicts.withCurrent(() -> json(organisations.update(id, request.draft())), () -> get(id));
    }

    private OrganisationJson json(OrganisationView v) {
        return new OrganisationJson(v.id(), v.name(), v.type(),
                messages.getMessage("organisation.type." + v.type(), null, LocaleContextHolder.getLocale()),
                v.unitCode(), v.unitId(), v.unitName(), v.parentId(), v.parentName(), v.version());
    }
}
