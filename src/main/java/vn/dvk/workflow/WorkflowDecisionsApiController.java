package vn.dvk.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.initiative.InitiativeWorkflow;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.validation.PlausibleYear;
import vn.dvk.shared.web.ApiController;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

@ApiController
@Tag(name = "Workflow")
class WorkflowDecisionsApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Recognitions recognitions;
    private final Commendations commendations;
    private final ProposalDocuments documents;

    private final WorkflowDocuments official;

    @GetMapping("/api/v1/recognitions/decision.{format:docx|pdf}")
    @Operation(summary = "The decision recognising every initiative of a unit recognised in a year, "
            + "with their list as its annex, in the layout of the deciding organisation (the unit's standing committee by default)")
    ResponseEntity<byte[]> decisionDocument(@PathVariable String format, @RequestParam String unit,
            @RequestParam int year,
            @RequestParam(required = false) Long organisation,
            @RequestParam(required = false) Integer number,
            @RequestParam(required = false) @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return made(official, official.decision(unit, year, organisation, number, date), format);
    }

    @GetMapping("/api/v1/commendation-proposals/{id}/submission.{format:docx|pdf}")
    @Operation(summary = "The submission (tờ trình) asking the authority to commend the proposal's "
            + "collectives and individuals, with their list, in the layout of the proposing organisation")
    ResponseEntity<byte[]> submission(@PathVariable Long id, @PathVariable String format,
            @RequestParam(required = false) Long organisation,
            @RequestParam(required = false) Integer number,
            @RequestParam(required = false) @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return made(official, official.submission(commendations.get(id), organisation, number, date), format);
    }

    static ResponseEntity<byte[]> made(WorkflowDocuments official, WorkflowDocuments.Made made, String format) {
        return "pdf".equals(format)
                ? file(official.pdf(made), made.fileStem() + ".pdf", MediaType.APPLICATION_PDF)
                : file(official.docx(made), made.fileStem() + ".docx", DOCX);
    }

    WorkflowDecisionsApiController(Recognitions recognitions, Commendations commendations, ProposalDocuments documents,
                                   WorkflowDocuments official) {
        this.official = official;
        this.recognitions = recognitions;
        this.commendations = commendations;
        this.documents = documents;
    }

    record DecisionRequest(@Size(max = 60) String decisionNumber, LocalDate decisionDate, @Size(max = 300) String issuingBody) {
        DecisionInput input() {
            return new DecisionInput(decisionNumber, decisionDate, issuingBody);
        }
    }

    record RecognitionRequest(@Size(max = 60) String decisionNumber, LocalDate decisionDate, @Size(max = 300) String issuingBody,
                              @Valid List<Recognitions.Item> items) {
    }

    record ProposalDecisionRequest(Long version, @Size(max = 60) String decisionNumber, LocalDate decisionDate,
                                   @Size(max = 300) String issuingBody,
                                   List<Long> commended) {
    }

    @PostMapping("/api/v1/initiatives/{id}/years/{year}/recognise")
    @Operation(summary = "Recognise one initiative-year by a decision (number, date, issuing body)")
    Recognitions.Result recogniseOne(@PathVariable Long id, @PathVariable @PlausibleYear int year, @RequestBody DecisionRequest request) {
        return recognitions.recogniseOne(id, year, request.input());
    }

    @PostMapping("/api/v1/recognitions")
    @Operation(summary = "Recognise many initiative-years by one decision; all or nothing")
    ResponseEntity<Recognitions.Result> recognise(@RequestBody RecognitionRequest request) {
        Recognitions.Result result = recognitions.recognise(new DecisionInput(request.decisionNumber(), request.decisionDate(),
                request.issuingBody()), request.items(), null, null);
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + result.decision().id())).body(result);
    }

    @GetMapping("/api/v1/decisions/{id}")
    DecisionView decision(@PathVariable Long id) {
        return recognitions.decision(id).orElseThrow(() -> DomainException.notFound("error.notFound"));
    }

    @PostMapping(value = "/api/v1/decisions/{id}/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach or replace the decision's file (PDF, JPEG, PNG); a PDF's digital signatures are checked "
            + "(signer, signing time, unchanged since signing, certificate validity, trust) and the result answered in 'signatures'")
    DecisionView attachScan(@PathVariable Long id, @RequestParam("file") MultipartFile file) throws IOException {
        return recognitions.attachScan(id, file.isEmpty() ? null : file.getBytes(), file.getOriginalFilename());
    }

    @GetMapping("/api/v1/commendation-proposals")
    @Operation(summary = "Commendation proposals in the caller's scope, newest first")
    List<ProposalView> proposals(@RequestParam(required = false) Integer year) {
        return commendations.list(year);
    }

    @PostMapping("/api/v1/commendation-proposals")
    @Operation(summary = "Propose recognised initiative-years for commendation to an authority")
    ResponseEntity<ProposalView> propose(@RequestBody ProposalInput request) {
        ProposalView created = commendations.propose(request);
        return ResponseEntity.created(URI.create("/api/v1/commendation-proposals/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/commendation-proposals/{id}")
    ProposalView proposal(@PathVariable Long id) {
        return commendations.get(id);
    }

    @PostMapping("/api/v1/commendation-proposals/{id}/decision")
    @Operation(summary = "Record the authority's decision: who was commended")
    ProposalView decide(@PathVariable Long id, @RequestBody ProposalDecisionRequest request) {
        return commendations.decide(id, request.version(), new DecisionInput(request.decisionNumber(), request.decisionDate(),
                request.issuingBody()), request.commended(), null, null);
    }

    @GetMapping("/api/v1/commendation-proposals/{id}/list.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable Long id) {
        return file(documents.xlsx(commendations.get(id)), "de-nghi-khen-thuong-" + id + ".xlsx", XLSX);
    }

    @GetMapping("/api/v1/commendation-proposals/{id}/list.docx")
    ResponseEntity<byte[]> docx(@PathVariable Long id) {
        return file(documents.docx(commendations.get(id)), "de-nghi-khen-thuong-" + id + ".docx", DOCX);
    }

    static ResponseEntity<byte[]> file(byte[] bytes, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(bytes);
    }
}
