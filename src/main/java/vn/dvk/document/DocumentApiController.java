package vn.dvk.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.web.ApiController;

import java.nio.charset.StandardCharsets;
import java.util.List;

@ApiController
@Tag(name = "Documents")
class DocumentApiController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final DocumentSettings settings;
    private final IssuedDocuments issued;

    DocumentApiController(DocumentSettings settings, IssuedDocuments issued) {
        this.settings = settings;
        this.issued = issued;
    }

    @GetMapping("/api/v1/organisations/{id}/document-settings")
    @Operation(summary = "How the organisation heads and signs its documents (the defaults until saved: saved=false)")
    DocumentSettingsView settings(@PathVariable Long id) {
        return settings.of(id);
    }

    @PutMapping("/api/v1/organisations/{id}/document-settings")
    @Operation(summary = "Keep the organisation's document settings; send the version you read (0 for the defaults)")
    DocumentSettingsView save(@PathVariable Long id, @RequestBody DocumentSettings.Input input) {
        return settings.save(id, input);
    }

    @GetMapping("/api/v1/organisations/{id}/documents")
    @Operation(summary = "The documents the organisation issued, of a year or all, newest first, with the next free number")
    IssuedList documents(@PathVariable Long id, @RequestParam(required = false) Integer year) {
        List<IssuedDocumentView> items = issued.of(id, year);
        return new IssuedList(items, year == null ? null : issued.nextNumber(id, year));
    }

    record IssuedList(List<IssuedDocumentView> items, Integer nextNumber) {
    }

    @GetMapping("/api/v1/documents/{id:[0-9]+}")
    IssuedDocumentView document(@PathVariable long id) {
        return issued.get(id);
    }

    @GetMapping("/api/v1/documents/{id:[0-9]+}.{format:docx|pdf}")
    @Operation(summary = "An issued document's file, exactly as issued")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String format) {
        return download(issued.get(id), issued.file(id, format), format);
    }

    static ResponseEntity<byte[]> download(IssuedDocumentView doc, byte[] bytes, String format) {
        return ResponseEntity.ok().contentType("pdf".equals(format) ? MediaType.APPLICATION_PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(doc.fileStem() + "." + format, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
