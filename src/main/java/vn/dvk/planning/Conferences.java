package vn.dvk.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.initiative.Sectors;
import vn.dvk.report.Reports;
import vn.dvk.report.Trend;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.Inserts;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.validation.Inputs;

import java.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import vn.dvk.document.DocumentSettings;
import vn.dvk.document.DocumentSettingsView;
import vn.dvk.organisation.OrganisationView;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.office.OfficeDocs;
import vn.dvk.shared.office.OfficialDocument;
import vn.dvk.shared.office.OfficialLayout;
import vn.dvk.shared.office.PdfFonts;

/**
 * Experience-exchange conferences and interim/final reviews (hội nghị trao đổi kinh nghiệm, sơ kết,
 * tổng kết): date, organiser, unit (its level), period, attendees, papers presented (tham luận) each
 * linked to initiatives, and conclusions. The initiatives presented show the conference on their page;
 * a review drafts its report (docx) from the period's figures.
 */
@Service
public class Conferences {

    public enum Kind { EXCHANGE, INTERIM_REVIEW, FINAL_REVIEW }

    public record Paper(@Size(max = 500) String title, @Size(max = 300) String presenter,
                        List<@Size(max = 30) String> initiativeCodes) {
    }

    public record PaperView(long id, int position, String title, String presenter, List<InitiativeRef> initiatives) {
    }

    public record InitiativeRef(long id, String code, String name) {
    }

    public record ConferenceInput(Kind kind, @Size(max = 300) String title, LocalDate heldOn, @Size(max = 300) String organiser,
                                  @Size(max = 60) String unitCode, Long periodId, @Size(max = 2000) String attendees,
                                  String conclusions, List<@Valid Paper> papers) {
    }

    public record ConferenceView(long id, Kind kind, String title, LocalDate heldOn, String organiser, long unitId, String unitCode,
                                 String unitName, String level, Plans.PeriodView period, String attendees, String conclusions,
                                 List<PaperView> papers) {
    }

    public record Presented(long conferenceId, String title, LocalDate heldOn, String paper) {
    }

    private final JdbcTemplate jdbc;
    private final AdminUnits units;
    private final InitiativeRegistry registry;
    private final Plans plans;
    private final Reports reports;
    private final Sectors sectors;
    private final ApplicationEventPublisher events;

    private final Clock clock;
    private final Inputs inputs;
    private final Organisations organisations;
    private final DocumentSettings documentSettings;
    private final String pdfFontPath;

    Conferences(JdbcTemplate jdbc, AdminUnits units, InitiativeRegistry registry, Plans plans, Reports reports, Sectors sectors,
                ApplicationEventPublisher events, Clock clock, Inputs inputs, Organisations organisations,
                DocumentSettings documentSettings,
                @Value("${dvk.pdf.font:}") String pdfFontPath) {
        this.organisations = organisations;
        this.documentSettings = documentSettings;
        this.pdfFontPath = pdfFontPath;
        this.inputs = inputs;
        this.clock = clock;
        this.jdbc = jdbc;
        this.units = units;
        this.registry = registry;
        this.plans = plans;
        this.reports = reports;
        this.sectors = sectors;
        this.events = events;
    }

    @Transactional
    public ConferenceView record(ConferenceInput input) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        inputs.check(input);
        List<FieldProblem> problems = new ArrayList<>();
        if (input.kind() == null) {
            problems.add(FieldProblem.field("kind", "validation.NotNull"));
        }
        String title = VietnameseText.clean(input.title());
        if (title == null || title.isEmpty()) {
            problems.add(FieldProblem.field("title", "validation.NotBlank"));
        }
        if (input.heldOn() == null) {
            problems.add(FieldProblem.field("heldOn", "validation.NotNull"));
        }
        String organiser = VietnameseText.clean(input.organiser());
        if (organiser == null || organiser.isEmpty()) {
            problems.add(FieldProblem.field("organiser", "validation.NotBlank"));
        }
        LocalDate on = input.heldOn() == null ? LocalDate.now(clock) : input.heldOn();
        AdminUnitView unit = input.unitCode() == null || input.unitCode().isBlank() ? null
                : units.named(input.unitCode().strip(), on).orElse(null);
        if (unit == null) {
            problems.add(FieldProblem.field("unitCode", "organisation.unitNotFound", input.unitCode()));
        } else if (!user.scope().covers(unit)) {
            problems.add(FieldProblem.field("unitCode", "organisation.unitOutOfScope"));
        }
        Plans.PeriodView period = input.periodId() == null ? null
                : plans.periods().stream().filter(p -> p.id() == input.periodId()).findFirst().orElse(null);
        if (input.periodId() != null && period == null) {
            problems.add(FieldProblem.field("periodId", "period.notFound", input.periodId()));
        }
        List<List<InitiativeView>> linked = new ArrayList<>();
        List<Paper> papers = input.papers() == null ? List.of() : input.papers().stream()
                .filter(p -> p.title() != null && !p.title().isBlank()).toList();
        for (int i = 0; i < papers.size(); i++) {
            List<InitiativeView> found = new ArrayList<>();
            for (String code : papers.get(i).initiativeCodes() == null ? List.<String>of() : papers.get(i).initiativeCodes()) {
                if (code == null || code.isBlank()) {
                    continue;
                }
                List<InitiativeView> matches = registry.findByCode(code.strip());
                if (matches.size() != 1) {
                    problems.add(FieldProblem.field("papers[" + i + "].initiatives", "conference.unknownInitiative", code.strip()));
                } else {
                    found.add(matches.get(0));
                }
            }
            linked.add(found);
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        long id = Inserts.returningId(jdbc, "insert into conference (kind, title, held_on, organiser, unit_id, period_id, attendees,"
                        + " conclusions, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", input.kind().name(), title, input.heldOn(),
                organiser, unit.id(), period == null ? null : period.id(), VietnameseText.clean(input.attendees()), input.conclusions(),
                user.getUsername());
        for (int i = 0; i < papers.size(); i++) {
            Paper paper = papers.get(i);
            long paperId = Inserts.returningId(jdbc, "insert into conference_paper (conference_id, position, title, presenter)"
                    + " values (?, ?, ?, ?)", id, i + 1, VietnameseText.clean(paper.title()), VietnameseText.clean(paper.presenter()));
            for (InitiativeView initiative : linked.get(i).stream().distinct().toList()) {
                jdbc.update("insert into conference_paper_initiative (paper_id, initiative_id) values (?, ?)", paperId, initiative.id());
            }
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "CONFERENCE", id, unit.id(), title));
        return get(id);
    }

    public ConferenceView get(long id) {
        List<ConferenceView> found = jdbc.query("select c.*, u.code, u.full_name, u.level, u.path from conference c join unit_tree u"
                + " on u.id = c.unit_id where c.id = ?", (rs, n) -> {
            Long periodId = (Long) rs.getObject("period_id", Long.class);
            return new ConferenceView(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                    rs.getObject("held_on", LocalDate.class), rs.getString("organiser"), rs.getLong("unit_id"), rs.getString("code"),
                    rs.getString("full_name"), rs.getString("level"), periodId == null ? null : plans.period(periodId),
                    rs.getString("attendees"), rs.getString("conclusions"), papers(rs.getLong("id")));
        }, id);
        if (found.isEmpty()) {
            throw DomainException.notFound("conference.notFound", id);
        }
        ConferenceView conference = found.get(0);
        AdminUnitView unit = units.findById(conference.unitId()).orElseThrow();
        Permissions.requireInScope(unit, "conference.notFound", id);
        return conference;
    }

    private List<PaperView> papers(long conferenceId) {
        return jdbc.query("select * from conference_paper where conference_id = ? order by position", (rs, n) -> new PaperView(
                rs.getLong("id"), rs.getInt("position"), rs.getString("title"), rs.getString("presenter"),
                jdbc.query("select i.id, i.code, i.name from conference_paper_initiative p join initiative_fact i on i.id = p.initiative_id"
                        + " where p.paper_id = ? order by i.sort_key", (r, k) -> new InitiativeRef(r.getLong(1), r.getString(2),
                        r.getString(3)), rs.getLong("id"))), conferenceId);
    }

    /**
     * The conferences in the current user's scope, newest first: four statements whatever their number
     * (the conferences with their units, the periods, the papers, the papers' initiatives).
     */
    public List<ConferenceView> list() {
        CurrentUser user = CurrentUser.get().orElseThrow(Permissions::forbidden);
        Map<Long, Plans.PeriodView> periods = new HashMap<>();
        plans.periods().forEach(p -> periods.put(p.id(), p));
        List<ConferenceView> bare = jdbc.query("select c.*, u.code, u.full_name, u.level from conference c join unit_tree u"
                        + " on u.id = c.unit_id where " + DataScope.inScope("u", "?", "?", "?") + " order by c.held_on desc",
                (rs, n) -> {
                    Long periodId = (Long) rs.getObject("period_id", Long.class);
                    return new ConferenceView(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                            rs.getObject("held_on", LocalDate.class), rs.getString("organiser"), rs.getLong("unit_id"),
                            rs.getString("code"), rs.getString("full_name"), rs.getString("level"),
                            periodId == null ? null : periods.get(periodId), rs.getString("attendees"), rs.getString("conclusions"),
                            List.of());
                }, user.scope().national(), user.scope().unitId(), user.scope().prefix(), user.scope().prefix());
        if (bare.isEmpty()) {
            return List.of();
        }
        String conferenceIds = String.join(",", bare.stream().map(c -> String.valueOf(c.id())).toList());
        Map<Long, List<InitiativeRef>> initiativesOfPaper = new HashMap<>();
        jdbc.query("select p.paper_id, i.id, i.code, i.name from conference_paper_initiative p join initiative_fact i on i.id = p.initiative_id"
                + " join conference_paper cp on cp.id = p.paper_id where cp.conference_id in (" + conferenceIds + ") order by i.sort_key",
                (RowCallbackHandler) rs -> initiativesOfPaper.computeIfAbsent(rs.getLong(1),
                        k -> new ArrayList<>()).add(new InitiativeRef(rs.getLong(2), rs.getString(3), rs.getString(4))));
        Map<Long, List<PaperView>> papersOf = new HashMap<>();
        jdbc.query("select * from conference_paper where conference_id in (" + conferenceIds + ") order by position",
                (RowCallbackHandler) rs -> papersOf.computeIfAbsent(rs.getLong("conference_id"),
                        k -> new ArrayList<>()).add(new PaperView(rs.getLong("id"), rs.getInt("position"), rs.getString("title"),
                        rs.getString("presenter"), initiativesOfPaper.getOrDefault(rs.getLong("id"), List.of()))));
        return bare.stream().map(c -> new ConferenceView(c.id(), c.kind(), c.title(), c.heldOn(), c.organiser(), c.unitId(), c.unitCode(),
                c.unitName(), c.level(), c.period(), c.attendees(), c.conclusions(), papersOf.getOrDefault(c.id(), List.of()))).toList();
    }

    /** Where the initiative was presented (for its page). */
    public List<Presented> presenting(long initiativeId) {
        registry.get(initiativeId);
        return jdbc.query("select c.id, c.title, c.held_on, p.title from conference_paper_initiative pi join conference_paper p"
                + " on p.id = pi.paper_id join conference c on c.id = p.conference_id where pi.initiative_id = ? order by c.held_on",
                (rs, n) -> new Presented(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)), initiativeId);
    }

    /** A review's report draft with the file name that says what it is. */
    public record Draft(OfficialDocument document, String fileStem) {
    }

    /** A draft report of a review (docx): the conference, the period's figures as sentences, the papers; figures as annex. */
    public byte[] draft(long id) {
        return OfficialLayout.docx(drafted(id).document());
    }

    /** The same draft as PDF. */
    public byte[] draftPdf(long id) {
        try {
            return OfficialLayout.pdf(drafted(id).document(), PdfFonts.load(pdfFontPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The draft in the layout of the organiser (its document settings when the organiser is one of the
     * unit's organisations by name, else the organiser's name heads it in the party layout).
     */
    public Draft drafted(long id) {
        ConferenceView conference = get(id);
        int from = conference.period() != null ? conference.period().fromYear() : conference.heldOn().getYear();
        int to = conference.period() != null ? Math.min(conference.period().toYear(), conference.heldOn().getYear())
                : conference.heldOn().getYear();
        Trend trend = reports.trend(conference.unitCode(), from, to);
        AdminUnitView unit = units.findById(conference.unitId()).orElseThrow();
        String prefix = unit.type() == null ? null : unit.type().prefix();
        String where = OfficialDocument.inSentence(unit.fullName(), prefix);
        String kind = conference.kind() == Kind.FINAL_REVIEW ? "Tổng kết" : conference.kind() == Kind.INTERIM_REVIEW ? "Sơ kết"
                : "Trao đổi kinh nghiệm";
        String span = conference.period() != null
                ? "giai đoạn " + conference.period().fromYear() + "–" + conference.period().toYear() : "năm " + from;
        List<OfficialDocument.Block> body = new ArrayList<>();
        body.add(OfficialDocument.Block.heading("I. KẾT QUẢ THỰC HIỆN"));
        body.add(OfficialDocument.Block.paragraph("Trong " + span + ", toàn " + where + " có "
                + trend.initiatives() + " mô hình, điển hình \"Dân vận khéo\" được đăng ký xây dựng và duy trì."));
        for (Trend.Year year : trend.years()) {
            body.add(OfficialDocument.Block.paragraph("Năm " + year.year() + ", đăng ký " + year.total()
                    + " mô hình, điển hình, trong đó " + year.byStatus().getOrDefault("NEW", 0L) + " xây dựng mới, "
                    + year.byStatus().getOrDefault("MAINTAINED", 0L) + " duy trì."));
        }
        body.add(OfficialDocument.Block.heading("II. CÁC THAM LUẬN"));
        for (PaperView paper : conference.papers()) {
            body.add(OfficialDocument.Block.paragraph(paper.position() + ". " + paper.title()
                    + (paper.presenter() == null ? "" : " — " + paper.presenter())));
        }
        body.add(OfficialDocument.Block.heading("III. KẾT LUẬN"));
        body.add(OfficialDocument.Block.paragraph(conference.conclusions() == null
                || conference.conclusions().isBlank() ? "…………………………………………………………………………………………" : conference.conclusions()));
        Map<String, String> sectorNames = new LinkedHashMap<>();
        sectors.all().forEach(sec -> sectorNames.put(sec.code(), sec.nameVi()));
        List<String> headers = new ArrayList<>(List.of("Năm", "Tổng số"));
        headers.addAll(sectorNames.values());
        List<List<String>> rows = new ArrayList<>();
        for (Trend.Year year : trend.years()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(year.year()), String.valueOf(year.total())));
            sectorNames.keySet().forEach(code -> row.add(String.valueOf(year.bySector().getOrDefault(code, 0L))));
            rows.add(row);
        }
        DocumentSettingsView settings = organiserSettings(conference, unit);
        OfficialDocument.Annex annex = new OfficialDocument.Annex("PHỤ LỤC",
                "SỐ LIỆU MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\" " + span.toUpperCase(OfficeDocs.VI), null,
                headers, rows, null);
        return new Draft(settings.document(null, "BC", conference.heldOn(), "BÁO CÁO",
                kind + " phong trào thi đua \"Dân vận khéo\" " + span, body, annex),
                "bao-cao-" + OfficialDocument.slug(kind) + "-dan-van-kheo-"
                        + (conference.period() != null ? conference.period().fromYear() + "-" + conference.period().toYear() : from)
                        + "-" + OfficialDocument.slug(unit.fullName()));
    }

    private DocumentSettingsView organiserSettings(ConferenceView conference, AdminUnitView unit) {
        Long found = organisations.search(new Organisations.Query(conference.organiser(), null, null, unit.id()),
                0, 20).getContent().stream().filter(o -> o.name().equalsIgnoreCase(conference.organiser()))
                .map(OrganisationView::id).findFirst().orElse(null);
        if (found != null) {
            return documentSettings.of(found);
        }
        String place = unit.type() != null && unit.fullName().startsWith(unit.type().prefix() + " ")
                ? unit.fullName().substring(unit.type().prefix().length() + 1) : unit.name();
        return new DocumentSettingsView(null, conference.organiser(), OfficialDocument.Style.PARTY,
                null, conference.organiser(), null, place, null, null, null, List.of("- Lưu VT."), false, 0);
    }
}
