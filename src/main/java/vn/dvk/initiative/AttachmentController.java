package vn.dvk.initiative;

import jakarta.validation.constraints.Size;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Uploads and downloads of attachments on the pages. */
@Controller
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/initiatives/{id}/attachments")
    String upload(@PathVariable Long id, @RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) @Size(max = 300) String caption, RedirectAttributes redirect) throws IOException {
        try (InputStream in = file.getInputStream()) {
            attachments.upload(id, file.getOriginalFilename(), in, caption);
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", e);
        }
        return "redirect:/initiatives/" + id;
    }

    @PostMapping("/attachments/{id}/delete")
    String delete(@PathVariable Long id, @RequestParam Long initiative, RedirectAttributes redirect) {
        attachments.delete(id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/initiatives/" + initiative;
    }

    @GetMapping("/attachments/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable Long id) throws IOException {
        return send(attachments.download(id, false), false);
    }

    @GetMapping("/attachments/{id}/thumbnail")
    ResponseEntity<InputStreamResource> thumbnail(@PathVariable Long id) throws IOException {
        return send(attachments.download(id, true), true);
    }

    static ResponseEntity<InputStreamResource> send(Attachments.Download download, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(download.fileName(), StandardCharsets.UTF_8).build();
        var response = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Cache-Control", "private, max-age=3600")
                .contentType(MediaType.parseMediaType(download.contentType()));
        if (download.size() >= 0) {
            response.contentLength(download.size());
        }
        return response.body(new InputStreamResource(download.content()));
    }
}
