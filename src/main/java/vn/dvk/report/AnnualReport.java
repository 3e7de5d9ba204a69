package vn.dvk.report;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.document.DocumentSettingsView;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeRow;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.office.OfficeDocs;
import vn.dvk.shared.office.OfficialDocument;
import vn.dvk.shared.office.OfficialDocument.Block;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The annual report of the movement (Báo cáo kết quả thực hiện phong trào thi đua "Dân vận khéo")
 * as its issuing office would send it: numbered sections written as sentences from the year's figures,
 * the office's own assessment and directions, the figures' table as an annex.
 */
@Component
class AnnualReport {

    static final String TYPE_CODE = "BC";
    static final String KIND = "REPORT";
    /** What an empty assessment section prints: a line to write on, not words that look written. */
    static final String TO_FILL = "…………………………………………………………………………………………";

    private final Sectors sectors;
    private final AdminUnits units;
    private final InitiativeRegistry registry;
    private final OutcomeIndicators outcomes;
    private final ReportDocuments documents;
    private final MessageSource messages;

    AnnualReport(Sectors sectors, AdminUnits units, InitiativeRegistry registry, OutcomeIndicators outcomes,
                 ReportDocuments documents, MessageSource messages) {
        this.sectors = sectors;
        this.units = units;
        this.registry = registry;
        this.outcomes = outcomes;
        this.documents = documents;
        this.messages = messages;
    }

    static String title(int year) {
        return "Kết quả thực hiện phong trào thi đua \"Dân vận khéo\" năm " + year;
    }

    /** "bao-cao-dan-van-kheo-2021-huyen-dam-rong". */
    static String fileStem(Summary s) {
        return "bao-cao-dan-van-kheo-" + s.year() + (s.name() == null ? "-toan-quoc" : "-" + OfficialDocument.slug(s.name()));
    }

    OfficialDocument document(Summary s, DocumentSettingsView settings, Integer number, LocalDate date,
                              ReportAssessments.Assessment assessment) {
        AdminUnitView unit = s.unitId() == null ? null : units.findById(s.unitId()).orElse(null);
        List<Block> body = new ArrayList<>();
        body.add(Block.paragraph("Thực hiện phong trào thi đua \"Dân vận khéo\", " + settings.organisationName()
                + " báo cáo kết quả thực hiện năm " + s.year() + " như sau:"));
        body.add(Block.heading("I. KẾT QUẢ THỰC HIỆN PHONG TRÀO"));
        int n = 1;
        body.add(Block.subheading(n++ + ". Đăng ký xây dựng mô hình, điển hình"));
        body.add(Block.paragraph(registered(s, unit)));
        body.add(Block.paragraph(kinds(s)));
        if (!s.children().isEmpty()) {
            body.add(Block.paragraph(byUnit(s, unit)));
        }
        body.add(Block.subheading(n++ + ". Công nhận, khen thưởng"));
        body.add(Block.paragraph(recognised(s)));
        body.add(Block.paragraph(commended(s)));
        List<OutcomeView> indicators = unit == null ? List.of() : outcomes.of(unit, s.year());
        if (!indicators.isEmpty()) {
            body.add(Block.subheading(n++ + ". Hiệu quả của phong trào"));
            body.add(Block.paragraph(outcomes(indicators)));
        }
        List<InitiativeRow> featured = featured(s);
        if (!featured.isEmpty()) {
            body.add(Block.subheading(n + ". Mô hình, điển hình tiêu biểu"));
            body.add(Block.paragraph("Các mô hình, điển hình tiêu biểu năm " + s.year() + ":"));
            for (InitiativeRow row : featured) {
                body.add(Block.paragraph("- " + row.name() + (row.unitName() == null ? "" : " ("
                        + OfficialDocument.inSentence(row.unitName(), null) + ")") + ";"));
            }
        }
        body.add(Block.heading("II. ĐÁNH GIÁ CHUNG"));
        body.add(Block.subheading("1. Ưu điểm"));
        body.add(Block.paragraph(typed(assessment.strengths())));
        body.add(Block.subheading("2. Hạn chế"));
        body.add(Block.paragraph(typed(assessment.weaknesses())));
        body.add(Block.subheading("3. Nguyên nhân"));
        body.add(Block.paragraph(typed(assessment.causes())));
        body.add(Block.heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM " + (s.year() + 1)));
        body.add(Block.paragraph(typed(assessment.directions())));
        body.add(Block.paragraph("Trên đây là báo cáo kết quả thực hiện phong trào thi đua \"Dân vận khéo\" năm " + s.year()
                + " của " + settings.organisationName() + "."));
        String numberText = settings.number(number, TYPE_CODE);
        OfficialDocument.Annex annex = new OfficialDocument.Annex("PHỤ LỤC",
                "SỐ LIỆU MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\" NĂM " + s.year(),
                "(Kèm theo Báo cáo số " + numberText + OfficialDocument.datePart(date).replace(", ", " ") + " của "
                        + settings.organisationName() + ")",
                documents.headers(), documents.tableText(s), null);
        return settings.document(number, TYPE_CODE, date, "BÁO CÁO", title(s.year()), body, annex);
    }

    /** "Năm 2021, toàn huyện đăng ký 47 mô hình, điển hình, trong đó 37 xây dựng mới, 10 duy trì; lĩnh vực kinh tế 17, ...". */
    String registered(Summary s, AdminUnitView unit) {
        StringBuilder text = new StringBuilder("Năm " + s.year() + ", toàn " + whole(unit) + " đăng ký " + s.total()
                + " mô hình, điển hình, trong đó " + s.byStatus().getOrDefault("NEW", 0L) + " xây dựng mới, "
                + s.byStatus().getOrDefault("MAINTAINED", 0L) + " duy trì");
        List<String> bySector = new ArrayList<>();
        sectors.all().forEach(sector -> {
            long count = s.bySector().getOrDefault(sector.code(), 0L);
            if (count > 0) {
                bySector.add(lowerFirst(sector.nameVi()) + " " + count);
            }
        });
        if (!bySector.isEmpty()) {
            text.append("; lĩnh vực ").append(String.join(", ", bySector));
        }
        return text.append(".").toString();
    }

    /** "huyện" for a district, "tỉnh" for a province: the unit's kind inside a sentence. */
    static String whole(AdminUnitView unit) {
        if (unit == null) {
            return "quốc";
        }
        return unit.type() == null ? OfficialDocument.inSentence(unit.fullName(), null)
                : unit.type().prefix().toLowerCase(OfficeDocs.VI);
    }

    String kinds(Summary s) {
        return "Trong đó có " + s.byKind().getOrDefault("MODEL", 0L) + " mô hình và " + s.byKind().getOrDefault("EXEMPLAR", 0L)
                + " điển hình; " + s.byHolder().getOrDefault("COLLECTIVE", 0L) + " của tập thể, "
                + s.byHolder().getOrDefault("INDIVIDUAL", 0L) + " của cá nhân.";
    }

    String byUnit(Summary s, AdminUnitView unit) {
        List<String> parts = new ArrayList<>();
        for (Summary.Row row : s.children()) {
            String name = row.direct() ? "các cơ quan, đơn vị cấp " + whole(unit) : OfficialDocument.inSentence(row.name(), null);
            parts.add(name + " " + row.total());
        }
        return "Theo đơn vị: " + String.join(", ", parts) + ".";
    }

    String recognised(Summary s) {
        return "Đã xét, công nhận " + s.recognised() + " mô hình, điển hình \"Dân vận khéo\"; lựa chọn " + s.featured()
                + " mô hình, điển hình tiêu biểu.";
    }

    String commended(Summary s) {
        Summary.Commendations c = s.commendations();
        if (c == null || c.proposed() == 0) {
            return "Trong năm chưa đề nghị khen thưởng tập thể, cá nhân nào.";
        }
        List<String> awards = new ArrayList<>();
        c.byAward().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> awards.add(e.getValue() + " " + messages.getMessage("award." + e.getKey(), null, e.getKey(), OfficeDocs.VI)));
        return "Đề nghị khen thưởng " + c.proposed() + " tập thể, cá nhân (" + String.join(", ", awards) + "); đã được khen thưởng "
                + c.commended() + ".";
    }

    static String outcomes(List<OutcomeView> indicators) {
        NumberFormat format = NumberFormat.getNumberInstance(OfficeDocs.VI);
        List<String> parts = new ArrayList<>();
        for (OutcomeView o : indicators) {
            BigDecimal value = o.value();
            parts.add(lowerFirst(o.name()) + " " + (value == null ? "" : format.format(value))
                    + (o.measure() == null || o.measure().isBlank() ? "" : " " + o.measure()));
        }
        return "Các chỉ tiêu đạt được: " + String.join("; ", parts) + ".";
    }

    private List<InitiativeRow> featured(Summary s) {
        return registry.search(new InitiativeQuery(s.unit(), null, s.year(), null, null, null, null, null, true, null), 0, 200)
                .getContent();
    }

    private static String typed(String text) {
        return text == null || text.isBlank() ? TO_FILL : text;
    }

    static String lowerFirst(String text) {
        return text == null || text.isEmpty() ? "" : text.substring(0, 1).toLowerCase(OfficeDocs.VI) + text.substring(1);
    }
}
