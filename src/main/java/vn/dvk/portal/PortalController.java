package vn.dvk.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.dvk.initiative.Attachments;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.DomainException;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The public pages, open without login: home, gallery, an initiative's story page with its photos,
 * stories, replicas, map pin and the people's voice; the sitemap and the Atom feed of stories.
 */
@Controller
class PortalController {

    private final PublicInitiatives publics;
    private final Stories stories;
    private final Feedbacks feedbacks;
    private final Attachments attachments;
    private final Sectors sectors;

    PortalController(PublicInitiatives publics, Stories stories, Feedbacks feedbacks, Attachments attachments, Sectors sectors) {
        this.publics = publics;
        this.stories = stories;
        this.feedbacks = feedbacks;
        this.attachments = attachments;
        this.sectors = sectors;
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    @GetMapping("/cong-khai")
    String home(Model model, HttpServletRequest request) {
        model.addAttribute("figures", publics.figures());
        model.addAttribute("featured", publics.gallery(new PublicInitiatives.Filter(null, null, null, null), 6));
        model.addAttribute("latest", stories.latest(5).stream()
                .map(s -> new Link(s.title(), "/cong-khai/mo-hinh/" + publics.slugOf(s.initiativeId()) + "#bai-" + s.id())).toList());
        model.addAttribute("base", base(request));
        return "portal/home";
    }

    @GetMapping("/cong-khai/mo-hinh")
    String gallery(@RequestParam(required = false) String province, @RequestParam(required = false) String commune,
                   @RequestParam(required = false) String sector,
                   @RequestParam(required = false) Integer year, @RequestParam(required = false) String q, Model model,
                   HttpServletRequest request) {
        model.addAttribute("cards", publics.gallery(new PublicInitiatives.Filter(province, commune, sector, year, q), 60));
        model.addAttribute("communes", publics.communes(province));
        model.addAttribute("commune", commune);
        model.addAttribute("sectors", sectors.all());
        model.addAttribute("provinces", publics.provinces());
        model.addAttribute("province", province);
        model.addAttribute("sector", sector);
        model.addAttribute("year", year);
        model.addAttribute("q", q);
        model.addAttribute("base", base(request));
        return "portal/gallery";
    }

    @GetMapping("/cong-khai/mo-hinh/{slug}")
    String page(@PathVariable String slug, @RequestParam(name = "da-gui", required = false) String sent, Model model,
                HttpServletRequest request) {
        PublicInitiatives.Page page = publics.bySlug(slug).orElseThrow(() -> DomainException.notFound("initiative.notFound", slug));
        model.addAttribute("page", page);
        model.addAttribute("stories", stories.published(page.card().id()));
        model.addAttribute("voices", feedbacks.published(page.card().id()));
        model.addAttribute("token", feedbacks.formToken(page.card().id()));
        model.addAttribute("pin", publics.pin(page.card().id()));
        model.addAttribute("sent", sent != null);
        model.addAttribute("base", base(request));
        return "portal/story";
    }

    @PostMapping("/cong-khai/mo-hinh/{slug}/gop-y")
    String feedback(@PathVariable String slug, @RequestParam(defaultValue = "FEEDBACK") String kind,
                    @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                    @RequestParam(required = false) String text, @RequestParam(required = false) String website,
                    @RequestParam(required = false) String token, Model model, HttpServletRequest request) {
        PublicInitiatives.Page page = publics.bySlug(slug).orElseThrow(() -> DomainException.notFound("initiative.notFound", slug));
        try {
            feedbacks.send(page.card().id(), kind, name, phone, text, website, token, request.getRemoteAddr());
            return "redirect:/cong-khai/mo-hinh/" + slug + "?da-gui#gop-y";
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("typed", new Typed(kind, name, phone, text));
            return page(slug, null, model, request);
        }
    }

    record Link(String title, String href) {
    }

    record Typed(String kind, String name, String phone, String text) {
    }

    @GetMapping("/cong-khai/anh/{id}")
    ResponseEntity<byte[]> image(@PathVariable long id, @RequestParam(defaultValue = "false") boolean small) throws IOException {
        publics.initiativeOfPublicImage(id).orElseThrow(() -> DomainException.notFound("attachment.notFound", id));
        Attachments.Download download = attachments.publicImage(id, small);
        try (var in = download.content()) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(download.contentType()))
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).body(in.readAllBytes());
        }
    }

    @GetMapping(path = "/cong-khai/bai-viet.atom", produces = "application/atom+xml;charset=UTF-8")
    @ResponseBody
    String feed(HttpServletRequest request) {
        String base = base(request);
        List<Stories.StoryView> latest = stories.latest(50);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("<title>Dân vận khéo — bài viết mới</title>\n<id>").append(base).append("/cong-khai/bai-viet.atom</id>\n")
                .append("<link rel=\"self\" href=\"").append(base).append("/cong-khai/bai-viet.atom\"/>\n")
                .append("<updated>").append(latest.isEmpty() ? "2025-01-01T00:00:00Z" : DateTimeFormatter.ISO_INSTANT.format(latest.get(0).publishedAt()))
                .append("</updated>\n");
        for (Stories.StoryView story : latest) {
            String url = base + "/cong-khai/mo-hinh/" + publics.slugOf(story.initiativeId()) + "#bai-" + story.id();
            xml.append("<entry><title>").append(escape(story.title())).append("</title><id>").append(url).append("</id>")
                    .append("<link href=\"").append(escape(url)).append("\"/><updated>")
                    .append(DateTimeFormatter.ISO_INSTANT.format(story.publishedAt())).append("</updated><summary>")
                    .append(escape(story.lead() == null ? story.title() : story.lead())).append("</summary></entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    @GetMapping(path = "/sitemap.xml", produces = "application/xml;charset=UTF-8")
    @ResponseBody
    String sitemap(HttpServletRequest request) {
        String base = base(request);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("<url><loc>").append(base).append("/cong-khai</loc></url>\n");
        xml.append("<url><loc>").append(base).append("/cong-khai/mo-hinh</loc></url>\n");
        for (String slug : publics.slugs()) {
            xml.append("<url><loc>").append(escape(base + "/cong-khai/mo-hinh/" + slug)).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    String robots(HttpServletRequest request) {
        return "User-agent: *\nAllow: /cong-khai\nDisallow: /\nSitemap: " + base(request) + "/sitemap.xml\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
