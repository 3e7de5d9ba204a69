package vn.dvk.document;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.office.OfficialDocument;
import vn.dvk.shared.office.OfficialDocument.Style;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnamTime;

/** The page where an office sets how its documents are headed and signed, and lists what it issued. */
@Controller
class DocumentSettingsController {

    private static final String FORM = "document/settings";

    private final DocumentSettings settings;
    private final IssuedDocuments issued;
    private final Clock clock;

    DocumentSettingsController(DocumentSettings settings, IssuedDocuments issued, Clock clock) {
        this.settings = settings;
        this.issued = issued;
        this.clock = clock;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @GetMapping("/organisations/{id}/document-settings")
    String form(@PathVariable Long id, Model model) {
        if (model.getAttribute("signedRefused") instanceof String key) {
            // a signed copy refused (flash attributes live in the session: only the message key is kept)
            model.addAttribute("error", new DomainException(DomainException.Kind.INVALID,
                    List.of(FieldProblem.field("file", key)), key));
        }
        return page(settings.of(id), model);
    }

    /** One text field of the form, named as the settings' property. */
    record Field(String name, String value) {
    }

    private String page(DocumentSettingsView s, Model model) {
        model.addAttribute("settings", s);
        model.addAttribute("recipientsText", String.join("\n", s.recipients()));
        model.addAttribute("fields", List.of(new Field("superiorOrgan", s.superiorOrgan()), new Field("organ", s.organ()),
                new Field("symbol", s.symbol()), new Field("place", s.place()), new Field("signerCapacity", s.signerCapacity()),
                new Field("signerTitle", s.signerTitle()), new Field("signerName", s.signerName())));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("previewNumber", OfficialDocument.numberLine(s.style(), s.number(null, "BC")));
        model.addAttribute("previewDate", OfficialDocument.datePart(today));
        model.addAttribute("issued", issued.of(s.organisationId(), null));
        model.addAttribute("signatureChecks", issued.signaturesOf(s.organisationId()));
        model.addAttribute("zone", VietnamTime.ZONE);
        return FORM;
    }

    @PostMapping("/organisations/{id}/document-settings")
    String save(@PathVariable Long id, @RequestParam(required = false) Style style,
                @RequestParam(required = false) String superiorOrgan, @RequestParam(required = false) String organ,
                @RequestParam(required = false) String symbol, @RequestParam(required = false) String place,
                @RequestParam(required = false) String signerCapacity, @RequestParam(required = false) String signerTitle,
                @RequestParam(required = false) String signerName, @RequestParam(required = false) String recipients,
                @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        DocumentSettings.Input input = new DocumentSettings.Input(style, superiorOrgan, organ, symbol, place, signerCapacity,
                signerTitle, signerName, recipients == null ? List.of() : recipients.lines().toList(), version);
        try {
            settings.save(id, input);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/organisations/" + id + "/document-settings";
        } catch (DomainException e) {
            DocumentSettingsView current = settings.of(id);
            model.addAttribute("fieldErrors", e.problemsByField());
            model.addAttribute("error", e);
            return page(new DocumentSettingsView(id, current.organisationName(), style == null ? current.style() : style,
                    blankToNull(superiorOrgan), blankToNull(organ), blankToNull(symbol), blankToNull(place),
                    blankToNull(signerCapacity), blankToNull(signerTitle), blankToNull(signerName), input.recipients(),
                    current.saved(), version == null ? 0 : version), model);
        }
    }

    @PostMapping("/documents/{id:[0-9]+}/signed")
    String attachSigned(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        IssuedDocumentView document = issued.get(id);
        try {
            IssuedDocumentView signed = issued.attachSigned(id, file == null ? null : file.getBytes(),
                    file == null ? null : file.getOriginalFilename());
            redirect.addFlashAttribute("signedSaved", signed.numberText());
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            redirect.addFlashAttribute("signedRefused", e.messageKey());
        }
        return "redirect:/organisations/" + document.organisationId() + "/document-settings";
    }

    @GetMapping("/documents/{id:[0-9]+}/signed.pdf")
    ResponseEntity<byte[]> signedFile(@PathVariable long id) {
        return DocumentApiController.signedDownload(issued.get(id), issued.signedFile(id));
    }

    @GetMapping("/documents/{id}.{format:docx|pdf}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String format) {
        return DocumentApiController.download(issued.get(id), issued.file(id, format), format);
    }
}
