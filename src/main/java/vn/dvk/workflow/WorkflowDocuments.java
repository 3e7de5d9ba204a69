package vn.dvk.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.document.DocumentSettings;
import vn.dvk.document.DocumentSettingsView;
import vn.dvk.initiative.Holder;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeRow;
import vn.dvk.initiative.Kind;
import vn.dvk.organisation.OrganisationType;
import vn.dvk.organisation.OrganisationView;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.office.OfficeDocs;
import vn.dvk.shared.office.OfficialDocument;
import vn.dvk.shared.office.OfficialDocument.Block;
import vn.dvk.shared.office.OfficialLayout;
import vn.dvk.shared.office.PdfFonts;
import vn.dvk.shared.security.CurrentUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.dvk.shared.security.Permissions;

/**
 * The recognition decision (Quyết định công nhận) of a unit's year, with every recognised initiative
 * in its annex, and the commendation submission (Tờ trình đề nghị khen thưởng) of a proposal, each in
 * the layout of the organisation that issues it (its document settings).
 */
@Component
class WorkflowDocuments {

    static final String RECOGNISED_STATES = "RECOGNISED,PROPOSED,COMMENDED";

    /** A laid-out document with the file name that says what it is. */
    record Made(OfficialDocument document, String fileStem) {
    }

    private final InitiativeRegistry registry;
    private final AdminUnits units;
    private final Organisations organisations;
    private final DocumentSettings settings;
    private final MessageSource messages;
    private final Clock clock;
    private final String pdfFontPath;

    WorkflowDocuments(InitiativeRegistry registry, AdminUnits units, Organisations organisations, DocumentSettings settings,
                      MessageSource messages, Clock clock, @Value("${dvk.pdf.font:}") String pdfFontPath) {
        this.registry = registry;
        this.units = units;
        this.organisations = organisations;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
        this.pdfFontPath = pdfFontPath;
    }

    /** The decision recognising every initiative of the unit recognised in the year (the unit's standing committee by default). */
    Made decision(String unitCode, int year, Long organisationId, Integer number, LocalDate date) {
        if (year < 1990 || year > LocalDate.now(clock).getYear() + 1) {
            throw new DomainException(DomainException.Kind.INVALID,
                    List.of(FieldProblem.field("year", "report.year", LocalDate.now(clock).getYear() + 1)), "error.validation");
        }
        AdminUnitView unit = units.getByCode(unitCode, LocalDate.of(year, 12, 31));
        Permissions.requireInScope(unit, "adminUnit.notFound", unitCode);
        List<InitiativeRow> recognised = registry.search(new InitiativeQuery(unit.code(), null, year, null, null, null,
                RECOGNISED_STATES, null, null, null), 0, 5000).getContent();
        DocumentSettingsView s = settings.of(organisationId != null ? organisationId : issuer(unit, true));
        String where = OfficialDocument.inSentence(unit.fullName(), unit.type() == null ? null : unit.type().prefix());
        String authority = s.organisationName().toUpperCase(OfficeDocs.VI);
        boolean state = s.style() == OfficialDocument.Style.STATE;
        List<Block> body = new ArrayList<>();
        body.add(Block.centred(authority));
        body.add(Block.paragraph(state ? "Căn cứ Luật Tổ chức chính quyền địa phương; Luật Thi đua, khen thưởng;"
                : "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"));
        body.add(Block.paragraph(state ? "Căn cứ kết quả bình xét phong trào thi đua \"Dân vận khéo\" năm " + year + " trên địa bàn "
                + where + ";" : "- Căn cứ Quy chế làm việc của " + (s.organ() == null ? s.organisationName() : s.organ()) + ";"));
        body.add(Block.paragraph((state ? "Xét" : "- Xét") + " đề nghị của Ban Dân vận về kết quả bình xét mô hình, điển hình"
                + " \"Dân vận khéo\" năm " + year + ","));
        body.add(Block.centred("QUYẾT ĐỊNH:"));
        body.add(Block.paragraph("Điều 1. Công nhận " + recognised.size() + " mô hình, điển hình \"Dân vận khéo\" năm " + year
                + " của " + where + " (có danh sách kèm theo)."));
        body.add(Block.paragraph("Điều 2. Các mô hình, điển hình được công nhận tiếp tục duy trì, phát huy hiệu quả và được"
                + " xem xét lựa chọn tiêu biểu, đề nghị khen thưởng theo quy định."));
        body.add(Block.paragraph("Điều 3. Ban Dân vận, các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại"
                + " Điều 1 chịu trách nhiệm thi hành Quyết định này./."));
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (InitiativeRow row : recognised) {
            rows.add(List.of(String.valueOf(n++), row.name(), row.unitName() == null ? "" : row.unitName(),
                    row.sectorLabel() == null ? "" : row.sectorLabel(), kind(row.kind(), row.holder())));
        }
        String numberText = s.number(number, "QĐ");
        LocalDate on = date == null ? LocalDate.now(clock) : date;
        OfficialDocument.Annex annex = new OfficialDocument.Annex("DANH SÁCH",
                "MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\" ĐƯỢC CÔNG NHẬN NĂM " + year,
                "(Kèm theo Quyết định số " + numberText + OfficialDocument.datePart(on).replace(", ", " ") + " của "
                        + s.organisationName() + ")",
                List.of("TT", "Tên mô hình, điển hình", "Đơn vị", "Lĩnh vực", "Loại hình"), rows, new float[] {0.5f, 4f, 2f, 1.6f, 1.4f});
        return new Made(s.document(number, "QĐ", on, "QUYẾT ĐỊNH",
                "Công nhận mô hình, điển hình \"Dân vận khéo\" năm " + year, body, annex),
                "quyet-dinh-cong-nhan-dan-van-kheo-" + year + "-" + OfficialDocument.slug(unit.fullName()));
    }

    /** The submission asking the deciding authority to commend the proposal's collectives and individuals. */
    Made submission(ProposalView p, Long organisationId, Integer number, LocalDate date) {
        Long issuer = organisationId;
        if (issuer == null) {
            AdminUnitView unit = units.findById(p.unitId()).orElseThrow();
            issuer = issuer(unit, false);
        }
        DocumentSettingsView s = settings.of(issuer);
        List<Block> body = new ArrayList<>();
        body.add(Block.centred("Kính gửi: " + p.authority()));
        body.add(Block.paragraph("Căn cứ kết quả thực hiện phong trào thi đua \"Dân vận khéo\" năm " + p.year() + ", "
                + s.organisationName() + " kính đề nghị " + p.authority() + " xem xét, khen thưởng " + p.items().size()
                + " tập thể, cá nhân có thành tích xuất sắc (" + p.collectives().size() + " tập thể, " + p.individuals().size()
                + " cá nhân), cụ thể:"));
        int n = 1;
        for (ProposalView.Item item : p.items()) {
            body.add(Block.paragraph(n++ + ". " + award(item.award()) + ": " + item.name()
                    + (item.locality() == null || item.locality().isBlank() ? "" : " (" + item.locality() + ")") + ";"));
        }
        body.add(Block.paragraph("(Có danh sách và báo cáo thành tích kèm theo)."));
        body.add(Block.paragraph("Kính trình " + p.authority() + " xem xét, quyết định./."));
        List<List<String>> rows = new ArrayList<>();
        n = 1;
        for (ProposalView.Item item : p.items()) {
            rows.add(List.of(String.valueOf(n++), item.name(), item.locality() == null ? "" : item.locality(),
                    item.sectorLabel() == null ? "" : item.sectorLabel(), item.achievement() == null ? "" : item.achievement(),
                    award(item.award())));
        }
        LocalDate on = date != null ? date : p.proposedOn() != null ? p.proposedOn() : LocalDate.now(clock);
        OfficialDocument.Annex annex = new OfficialDocument.Annex("DANH SÁCH",
                "ĐỀ NGHỊ KHEN THƯỞNG NĂM " + p.year(),
                "(Kèm theo Tờ trình số " + s.number(number, "TTr") + OfficialDocument.datePart(on).replace(", ", " ") + " của "
                        + s.organisationName() + ")",
                List.of("TT", "Tên tập thể, cá nhân", "Địa bàn", "Lĩnh vực", "Thành tích", "Hình thức khen thưởng"), rows,
                new float[] {0.5f, 3f, 2f, 1.5f, 3f, 1.5f});
        return new Made(s.document(number, "TTr", on, "TỜ TRÌNH",
                "Đề nghị khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\" năm "
                        + p.year(), body, annex),
                "to-trinh-khen-thuong-dan-van-kheo-" + p.year() + "-" + OfficialDocument.slug(p.unitName()));
    }

    private String award(Award award) {
        return award == null ? "" : messages.getMessage("award." + award, null, award.name(), OfficeDocs.VI);
    }

    private static String kind(Kind kind, Holder holder) {
        return (kind == Kind.EXEMPLAR ? "Điển hình" : "Mô hình") + (holder == Holder.INDIVIDUAL ? " cá nhân" : " tập thể");
    }

    /** The caller's organisation, else the unit's standing committee (decisions) or mobilisation board (submissions). */
    private Long issuer(AdminUnitView unit, boolean standing) {
        OrganisationType type = standing ? OrganisationType.PARTY_COMMITTEE : OrganisationType.MOBILISATION_COMMITTEE;
        List<OrganisationView> atUnit = organisations.search(new Organisations.Query(null, type, null, unit.id()), 0, 50)
                .getContent().stream().filter(o -> unit.id().equals(o.unitId())).toList();
        Long found = atUnit.stream().filter(o -> !standing || o.name().startsWith("Ban Thường vụ")).map(OrganisationView::id)
                .findFirst().orElse(atUnit.isEmpty() ? null : atUnit.get(0).id());
        Long own = CurrentUser.get().map(CurrentUser::organisationId).orElse(null);
        Long chosen = found != null ? found : own;
        if (chosen == null) {
            throw new DomainException(DomainException.Kind.INVALID,
                    List.of(FieldProblem.field("organisation", "document.noOrganisation")), "error.validation");
        }
        return chosen;
    }

    byte[] docx(Made made) {
        return OfficialLayout.docx(made.document());
    }

    byte[] pdf(Made made) {
        try {
            return OfficialLayout.pdf(made.document(), PdfFonts.load(pdfFontPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
