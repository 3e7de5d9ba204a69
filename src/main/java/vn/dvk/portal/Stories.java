package vn.dvk.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.Inserts;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Listing an initiative on the portal and writing its stories: officers of the initiative's scope
 * (and the owning organisation's editors) list or unlist it and write, preview, publish and
 * unpublish stories. A story's body is sanitised on save (a short list of tags; images only from the
 * initiative's own photos) and cannot be published while an image lacks its description (alt text).
 */
@Service
public class Stories {

    static final Pattern IMAGE_SOURCE = Pattern.compile("/cong-khai/anh/(\\d+)");
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "h2", "h3", "ul", "ol", "li", "strong", "em", "b", "i", "blockquote", "figure", "figcaption", "img", "a")
            .addAttributes("img", "src", "alt")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    public record StoryView(long id, long initiativeId, String slug, String title, String lead, String body, String state,
                            String author, Instant updatedAt, Instant publishedAt, long version) {

        public boolean published() {
            return "PUBLISHED".equals(state);
        }
    }

    public record StoryDraft(String title, String lead, String body, Long version) {
    }

    private final JdbcTemplate jdbc;
    private final InitiativeRegistry registry;
    private final PublicInitiatives publics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Stories(JdbcTemplate jdbc, InitiativeRegistry registry, PublicInitiatives publics, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.publics = publics;
        this.events = events;
        this.clock = clock;
    }

    /** The initiative if the current user may publish about it (officers in scope; editors of its organisation). */
    private InitiativeView editable(long initiativeId) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        InitiativeView initiative = registry.get(initiativeId);
        if (!user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER)
                && (user.organisationId() == null || !user.organisationId().equals(initiative.organisationId()))) {
            throw Permissions.forbidden();
        }
        return initiative;
    }

    public boolean listed(long initiativeId) {
        registry.get(initiativeId);
        Long count = jdbc.queryForObject("select count(*) from public_listing where initiative_id = ?", Long.class, initiativeId);
        return count != null && count > 0;
    }

    /** Whether the initiative is on the portal now (listed and recognised). */
    public boolean visible(long initiativeId) {
        registry.get(initiativeId);
        return publics.isPublic(initiativeId);
    }

    public Optional<String> slug(long initiativeId) {
        return jdbc.queryForList("select slug from public_listing where initiative_id = ?", String.class, initiativeId).stream().findFirst();
    }

    /** Lists (or unlists) the initiative on the portal; it shows there once it is recognised. */
    @Transactional
    public void list(long initiativeId, boolean list) {
        InitiativeView initiative = editable(initiativeId);
        if (list && slug(initiativeId).isEmpty()) {
            jdbc.update("insert into public_listing (initiative_id, slug, listed_by, listed_at) values (?, ?, ?, ?)", initiativeId,
                    Slugs.of(initiative.name(), initiativeId), CurrentUser.get().map(CurrentUser::getUsername).orElse("?"),
                    Timestamp.from(clock.instant()));
        } else if (!list) {
            jdbc.update("delete from public_listing where initiative_id = ?", initiativeId);
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "PUBLIC_LISTING", initiativeId, initiative.unitId(),
                (list ? "công khai: " : "thôi công khai: ") + initiative.name()));
    }

    public List<StoryView> of(long initiativeId) {
        registry.get(initiativeId);
        return jdbc.query("select * from story where initiative_id = ? order by id desc", (rs, n) -> view(rs), initiativeId);
    }

    public StoryView get(long storyId) {
        StoryView story = find(storyId);
        registry.get(story.initiativeId());
        return story;
    }

    private StoryView find(long storyId) {
        return jdbc.query("select * from story where id = ?", (rs, n) -> view(rs), storyId).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("story.notFound", storyId));
    }

    private static StoryView view(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new StoryView(rs.getLong("id"), rs.getLong("initiative_id"), rs.getString("slug"), rs.getString("title"),
                rs.getString("lead"), rs.getString("body"), rs.getString("state"), rs.getString("author"),
                rs.getTimestamp("updated_at").toInstant(), published == null ? null : published.toInstant(), rs.getLong("version"));
    }

    /** Keeps only the allowed tags; images only from this initiative's own photos. */
    static String sanitise(String html, long initiativeId, List<Long> ownImages) {
        String clean = Jsoup.clean(html == null ? "" : html, ALLOWED);
        Document document = Jsoup.parseBodyFragment(clean);
        for (Element img : document.select("img")) {
            var m = IMAGE_SOURCE.matcher(img.attr("src"));
            if (!m.matches() || !ownImages.contains(Long.valueOf(m.group(1)))) {
                img.remove();
            }
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }

    private List<FieldProblem> check(StoryDraft draft, String body) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = VietnameseText.clean(draft.title());
        if (title == null || title.isEmpty()) {
            problems.add(FieldProblem.field("title", "validation.NotBlank"));
        } else if (title.length() > 300) {
            problems.add(FieldProblem.field("title", "validation.Size"));
        }
        if (draft.lead() != null && draft.lead().length() > 1000) {
            problems.add(FieldProblem.field("lead", "validation.Size"));
        }
        if (Jsoup.parseBodyFragment(body).text().isBlank()) {
            problems.add(FieldProblem.field("body", "validation.NotBlank"));
        }
        return problems;
    }

    private List<Long> ownImages(long initiativeId) {
        return jdbc.queryForList("select id from initiative_image where initiative_id = ?", Long.class, initiativeId);
    }

    /** Saves a story (a new draft, or the draft or published story edited); the body is sanitised. */
    @Transactional
    public StoryView save(long initiativeId, Long storyId, StoryDraft draft) {
        InitiativeView initiative = editable(initiativeId);
        String body = sanitise(draft.body(), initiativeId, ownImages(initiativeId));
        List<FieldProblem> problems = check(draft, body);
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String user = CurrentUser.get().map(CurrentUser::getUsername).orElse("?");
        String title = VietnameseText.clean(draft.title());
        String lead = VietnameseText.clean(draft.lead());
        if (storyId == null) {
            long id = Inserts.returningId(jdbc, "insert into story (initiative_id, slug, title, lead, body, state, author, created_at,"
                    + " updated_at) values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)", initiativeId, "tmp-" + UUID.randomUUID(), title,
                    lead, body, user, now, now);
            jdbc.update("update story set slug = ? where id = ?", Slugs.of(title, id), id);
            events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "STORY", id, initiative.unitId(), title));
            return find(id);
        }
        StoryView before = find(storyId);
        if (before.initiativeId() != initiativeId) {
            throw DomainException.notFound("story.notFound", storyId);
        }
        if (draft.version() == null || draft.version() != before.version()) {
            throw DomainException.conflict("error.stale");
        }
        if (before.published()) {
            requireAltTexts(body);
        }
        jdbc.update("update story set title = ?, lead = ?, body = ?, slug = ?, updated_at = ?, version = version + 1 where id = ?",
                title, lead, body, Slugs.of(title, storyId), now, storyId);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "STORY", storyId, initiative.unitId(), title));
        return find(storyId);
    }

    private static void requireAltTexts(String body) {
        List<FieldProblem> problems = new ArrayList<>();
        int n = 0;
        for (Element img : Jsoup.parseBodyFragment(body).select("img")) {
            n++;
            if (img.attr("alt").isBlank()) {
                problems.add(FieldProblem.field("body", "story.imageAlt", n));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "story.imageAlt", problems.size());
        }
    }

    /** Publishes (or takes back to draft) a story; published only while its initiative is public and every image has alt text. */
    @Transactional
    public StoryView publish(long storyId, boolean publish) {
        StoryView story = find(storyId);
        InitiativeView initiative = editable(story.initiativeId());
        if (publish) {
            if (!publics.isPublic(story.initiativeId())) {
                throw DomainException.conflict("story.initiativeNotPublic", initiative.name());
            }
            requireAltTexts(story.body());
        }
        jdbc.update("update story set state = ?, published_at = ?, version = version + 1 where id = ?", publish ? "PUBLISHED" : "DRAFT",
                publish ? Timestamp.from(clock.instant()) : null, storyId);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.STATE_CHANGE, "STORY", storyId, initiative.unitId(),
                (publish ? "đăng: " : "gỡ: ") + story.title()));
        return find(storyId);
    }

    /** Published stories of a public initiative, newest first (for its public page). */
    List<StoryView> published(long initiativeId) {
        return jdbc.query("select * from story where initiative_id = ? and state = 'PUBLISHED' order by published_at desc",
                (rs, n) -> view(rs), initiativeId);
    }

    /** The newest published stories of public initiatives (home page, feed, sitemap). */
    List<StoryView> latest(int limit) {
        return jdbc.query("select st.*" + " from story st where st.state = 'PUBLISHED' and st.initiative_id in (select i.id"
                + PublicInitiatives.PUBLIC + ") order by st.published_at desc limit ?", (rs, n) -> view(rs), limit);
    }
}
