package vn.dvk.operations;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.dvk.shared.web.ApiController;

@ApiController
@RequestMapping("/api/v1/admin/backups")
class BackupApiController {

    private final Backups backups;

    BackupApiController(Backups backups) {
        this.backups = backups;
    }

    @Operation(summary = "Online backup of the embedded H2 database and the attachments (administrators)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Backups.Backup backUp() {
        return backups.backUp();
    }
}
