package vn.dvk.document;

import vn.dvk.shared.web.Conflicts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.office.SignatureReport;
import vn.dvk.shared.web.ApiController;

import java.io.IOException;
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
        return Conflicts.withCurrent(() -> settings.save(id, input), () -> settings(id));
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

    /** The document and the check of its signed copy, as answered on upload. */
    record Signed(IssuedDocumentView document, SignatureReport signatures) {
    }

    @PostMapping(value = "/api/v1/documents/{id:[0-9]+}/signed", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the copy of the document signed digitally (ký số) outside DVK (a PDF, at most 20 MB; replaces "
            + "an earlier one); its signatures are checked (signer, signing time, unchanged since signing, certificate "
            + "validity, trust) and the result answered in 'signatures'")
    Signed attachSigned(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        IssuedDocumentView document = issued.attachSigned(id, file == null ? null : file.getBytes(),
                file == null ? null : file.getOriginalFilename());
        return new Signed(document, issued.signatures(id));
    }

    @GetMapping("/api/v1/documents/{id:[0-9]+}/signed")
    @Operation(summary = "The check of the document's signed copy made on upload (404 when none was uploaded)")
    SignatureReport signatures(@PathVariable long id) {
        return issued.signatures(id);
    }

    @GetMapping("/api/v1/documents/{id:[0-9]+}/signed.pdf")
    @Operation(summary = "The document's signed copy, byte for byte as uploaded")
    ResponseEntity<byte[]> signedFile(@PathVariable long id) {
        return signedDownload(issued.get(id), issued.signedFile(id));
    }

    static ResponseEntity<byte[]> signedDownload(IssuedDocumentView doc, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(doc.signedFileName(), StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    static ResponseEntity<byte[]> download(IssuedDocumentView doc, byte[] bytes, String format) {
        return ResponseEntity.ok().contentType("pdf".equals(format) ? MediaType.APPLICATION_PDF : DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(doc.fileStem() + "." + format, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
