package vn.dvk.workflow;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeRow;
import vn.dvk.initiative.WorkflowState;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.validation.PlausibleYear;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import vn.dvk.shared.VietnamTime;

/** Pages for recognition decisions and commendation proposals. */
@Controller
class WorkflowController {

    private final Recognitions recognitions;
    private final Commendations commendations;
    private final ProposalDocuments documents;
    private final InitiativeRegistry registry;
    private final DecisionFiles files;

    private final Clock clock;

    private final WorkflowDocuments official;

    WorkflowController(Recognitions recognitions, Commendations commendations, ProposalDocuments documents,
                       InitiativeRegistry registry, DecisionFiles files, Clock clock, WorkflowDocuments official) {
        this.official = official;
        this.clock = clock;
        this.recognitions = recognitions;
        this.commendations = commendations;
        this.documents = documents;
        this.registry = registry;
        this.files = files;
    }

    /** The initiative-years of a unit and year in a workflow state (500 at most, the size of one decision's list). */
    private List<InitiativeRow> inState(String unit, Integer year, WorkflowState state, Model model) {
        if (unit == null || unit.isBlank() || year == null) {
            return List.of();
        }
        try {
            return registry.search(new InitiativeQuery(unit.strip(), null, year, null, null, null, state.name(), null, null, null),
                    0, 500).getContent();
        } catch (DomainException e) {
            model.addAttribute("error", e);
            return List.of();
        }
    }

    @GetMapping("/recognitions/new")
    String recognitionForm(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        model.addAttribute("rows", inState(unit, year, WorkflowState.EVALUATED, model));
        model.addAttribute("today", LocalDate.now(clock));
        return "workflow/recognise";
    }

    @PostMapping("/recognitions")
    String recognise(@RequestParam String unit, @RequestParam @PlausibleYear Integer year, @RequestParam(required = false) List<Long> ids,
                     @RequestParam(required = false) String decisionNumber,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
                     @RequestParam(required = false) String issuingBody, @RequestParam(required = false) MultipartFile scan,
                     Model model, RedirectAttributes redirect) throws IOException {
        List<Recognitions.Item> items = new ArrayList<>();
        (ids == null ? List.<Long>of() : ids).forEach(id -> items.add(new Recognitions.Item(id, year)));
        try {
            Recognitions.Result result = recognitions.recognise(new DecisionInput(decisionNumber, decisionDate, issuingBody),
                    items, scan == null || scan.isEmpty() ? null : scan.getBytes(), scan == null ? null : scan.getOriginalFilename());
            // flash attributes live in the (JDBC) session: plain values only
            redirect.addFlashAttribute("recognisedCount", result.recognised().size());
            redirect.addFlashAttribute("recognisedBy", result.decision().citation());
            redirect.addAttribute("unit", unit);
            redirect.addAttribute("year", year);
            return "redirect:/recognitions/new";
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
            model.addAttribute("decisionNumber", decisionNumber);
            model.addAttribute("decisionDate", decisionDate);
            model.addAttribute("issuingBody", issuingBody);
            model.addAttribute("checked", ids);
            return recognitionForm(unit, year, model);
        }
    }

    @GetMapping("/proposals")
    String proposals(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("proposals", commendations.list(year));
        return "workflow/proposals";
    }

    @GetMapping("/proposals/new")
    String proposalForm(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        model.addAttribute("rows", inState(unit, year, WorkflowState.RECOGNISED, model));
        model.addAttribute("awards", Award.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "workflow/proposal-new";
    }

    @PostMapping("/proposals")
    String propose(@RequestParam String unit, @RequestParam @PlausibleYear Integer year, @RequestParam(required = false) List<Long> ids,
                   @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        List<ProposalInput.ItemInput> items = new ArrayList<>();
        for (Long id : ids == null ? List.<Long>of() : ids) {
            String award = form.get("award-" + id);
            items.add(new ProposalInput.ItemInput(id, award == null || award.isBlank() ? null : Award.valueOf(award),
                    form.get("achievement-" + id)));
        }
        LocalDate date = form.get("date") == null || form.get("date").isBlank() ? null : LocalDate.parse(form.get("date"));
        try {
            ProposalView created = commendations.propose(new ProposalInput(unit, null, year, form.get("number"), date,
                    form.get("proposingBody"), form.get("authority"), items));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/proposals/" + created.id();
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
            model.addAttribute("form", form);
            model.addAttribute("checked", ids);
            return proposalForm(unit, year, model);
        }
    }

    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable Long id, Model model) {
        model.addAttribute("proposal", commendations.get(id));
        model.addAttribute("today", LocalDate.now(clock));
        return "workflow/proposal";
    }

    @PostMapping("/proposals/{id}/decision")
    String decide(@PathVariable Long id, @RequestParam(required = false) Long version,
                  @RequestParam(required = false) List<Long> commended, @RequestParam(required = false) String decisionNumber,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
                  @RequestParam(required = false) String issuingBody, @RequestParam(required = false) MultipartFile scan,
                  Model model, RedirectAttributes redirect) throws IOException {
        try {
            commendations.decide(id, version, new DecisionInput(decisionNumber, decisionDate, issuingBody),
                    commended == null ? List.of() : commended, scan == null || scan.isEmpty() ? null : scan.getBytes(),
                    scan == null ? null : scan.getOriginalFilename());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/proposals/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
            return proposal(id, model);
        }
    }

    @GetMapping("/proposals/{id}/list.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable Long id) {
        return WorkflowDecisionsApiController.file(documents.xlsx(commendations.get(id)), "de-nghi-khen-thuong-" + id + ".xlsx",
                WorkflowDecisionsApiController.XLSX);
    }

    @GetMapping("/proposals/{id}/list.docx")
    ResponseEntity<byte[]> docx(@PathVariable Long id) {
        return WorkflowDecisionsApiController.file(documents.docx(commendations.get(id)), "de-nghi-khen-thuong-" + id + ".docx",
                WorkflowDecisionsApiController.DOCX);
    }

    @GetMapping("/decisions/{id}")
    String decision(@PathVariable Long id, Model model) {
        model.addAttribute("decision", recognitions.decision(id).orElseThrow(() -> DomainException.notFound("error.notFound")));
        model.addAttribute("zone", VietnamTime.ZONE);
        return "workflow/decision";
    }

    @PostMapping("/decisions/{id}/scan")
    String attachScan(@PathVariable Long id, @RequestParam(required = false) MultipartFile scan, Model model,
                      RedirectAttributes redirect) throws IOException {
        try {
            recognitions.attachScan(id, scan == null || scan.isEmpty() ? null : scan.getBytes(),
                    scan == null ? null : scan.getOriginalFilename());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/decisions/" + id;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
            return decision(id, model);
        }
    }

    @GetMapping("/proposals/{id}/submission.{format:docx|pdf}")
    ResponseEntity<byte[]> submission(@PathVariable Long id, @PathVariable String format) {
        return WorkflowDecisionsApiController.made(official, official.submission(commendations.get(id), null, null, null), format);
    }

    @GetMapping("/recognitions/decision.{format:docx|pdf}")
    ResponseEntity<byte[]> decisionDocument(@PathVariable String format, @RequestParam String unit,
                                            @RequestParam int year) {
        return WorkflowDecisionsApiController.made(official, official.decision(unit, year, null, null, null), format);
    }

    @GetMapping("/decisions/{id}/scan")
    ResponseEntity<byte[]> scan(@PathVariable Long id) throws IOException {
        Decision decision = commendations.scanOf(id);
        try (InputStream in = files.open(decision.getFileKey())) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(decision.getFileType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(decision.getFileName(), StandardCharsets.UTF_8).build().toString())
                    .body(in.readAllBytes());
        }
    }
}
