package vn.dvk.initiative;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.web.ApiController;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

@ApiController
@Tag(name = "Initiatives")
class AttachmentApiController {

    private final Attachments attachments;

    AttachmentApiController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/attachments/{id}")
    ResponseEntity<InputStreamResource> file(@PathVariable Long id) throws IOException {
        return AttachmentController.send(attachments.download(id, false), false);
    }

    @GetMapping("/api/v1/initiatives/{id}/attachments")
    List<Attachments.AttachmentView> list(@PathVariable Long id) {
        return attachments.of(id);
    }

    @PostMapping(path = "/api/v1/initiatives/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Attachments.AttachmentView> uploadApi(@PathVariable Long id, @RequestPart("file") MultipartFile file,
                                                         @RequestParam(required = false) @Size(max = 300) String caption) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(attachments.upload(id, file.getOriginalFilename(), in, caption));
        }
    }

    @DeleteMapping("/api/v1/attachments/{id}")
    ResponseEntity<Void> deleteApi(@PathVariable Long id) {
        attachments.delete(id);
        return ResponseEntity.noContent().build();
    }

}
