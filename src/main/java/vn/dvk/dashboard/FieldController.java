package vn.dvk.dashboard;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Duration;

/**
 * The field app's one page: the same for every user (no names, no data, no CSRF token in it), so the
 * service worker may keep it for all; what belongs to the officer comes from {@link FieldApiController}
 * into a database of the browser named after them. Its web app manifest is served here, with the media
 * type browsers expect (neither the servlet container nor Spring knows the .webmanifest extension).
 */
@Controller
class FieldController {

    static final String PAGE = "field/app";
    static final String MANIFEST_TYPE = "application/manifest+json";
    private static final Resource MANIFEST = new ClassPathResource("static/manifest.webmanifest");

    @GetMapping("/field")
    String field() {
        return PAGE;
    }

    @GetMapping(path = "/manifest.webmanifest", produces = MANIFEST_TYPE)
    ResponseEntity<Resource> manifest() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1))).body(MANIFEST);
    }
}
