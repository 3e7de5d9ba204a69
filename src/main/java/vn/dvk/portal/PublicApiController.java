package vn.dvk.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.web.ApiController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The portal's data for other sites (provincial portals): public initiatives and their published stories, no login. */
@ApiController
@RequestMapping("/api/public/v1")
@Tag(name = "Public portal", description = "Mô hình, điển hình đã công khai và bài viết; không cần đăng nhập")
class PublicApiController {

    private final PublicInitiatives publics;
    private final Stories stories;
    private final Feedbacks feedbacks;

    PublicApiController(PublicInitiatives publics, Stories stories, Feedbacks feedbacks) {
        this.publics = publics;
        this.stories = stories;
        this.feedbacks = feedbacks;
    }

    @GetMapping("/initiatives")
    @Operation(summary = "Public initiatives (listed and recognised), filtered by province code, sector, year and words")
    List<PublicInitiatives.Card> initiatives(@RequestParam(required = false) String province, @RequestParam(required = false) String sector,
                                             @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
                                             @RequestParam(defaultValue = "60") int size) {
        return publics.gallery(new PublicInitiatives.Filter(province, sector, year, q), Math.max(1, Math.min(size, 500)));
    }

    @GetMapping("/initiatives/{slug}")
    @Operation(summary = "A public initiative with its published stories and answered feedback")
    Map<String, Object> initiative(@PathVariable String slug) {
        PublicInitiatives.Page page = publics.bySlug(slug).orElseThrow(() -> DomainException.notFound("initiative.notFound", slug));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("initiative", page.card());
        json.put("description", page.description());
        json.put("method", page.method());
        json.put("results", page.results());
        json.put("pilot", page.pilot());
        json.put("replicas", page.replicas());
        json.put("photos", page.images().stream().map(i -> Map.of("url", "/cong-khai/anh/" + i.id(), "caption", i.caption())).toList());
        json.put("stories", stories.published(page.card().id()).stream().map(s -> Map.of("title", s.title(),
                "lead", s.lead() == null ? "" : s.lead(), "body", s.body(), "publishedAt", s.publishedAt().toString())).toList());
        json.put("voices", feedbacks.published(page.card().id()));
        return json;
    }
}
