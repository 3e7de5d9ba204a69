package vn.dvk.shared.office;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.dvk.shared.office.OfficialDocument.Block;
import vn.dvk.shared.office.OfficialDocument.Style;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * Lays out an {@link OfficialDocument} as .docx and as .pdf, A4 portrait, in the party layout of
 * Hướng dẫn 36-HD/VPTW (margins 25/25/35/15 mm, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined, an asterisk under
 * the organ) or the state layout of Nghị định 30/2020 (margins 20/20/30/15 mm, the national motto with
 * its rule, a rule under the organ). Body in Times New Roman 14 pt, justified, first line indented;
 * page numbers from page 2. The top right corner of page 1 above the header is left free for the
 * organisation's seal image, and the signature block keeps room for the signer's image.
 */
public final class OfficialLayout {

    /** Margins in millimetres: top, bottom, left, right. */
    public static int[] marginsMm(Style style) {
        return style == Style.STATE ? new int[] {20, 20, 30, 15} : new int[] {25, 25, 35, 15};
    }

    /** Where the seal image goes on page 1, in PDF points from the top right corner: width, height. */
    public static final float SEAL_WIDTH = mm(45);
    public static final float SEAL_HEIGHT = mm(20);

    static final int BODY_PT = 14;
    static final int FIRST_LINE_INDENT_TWIPS = 567;

    private OfficialLayout() {
    }

    static float mm(float mm) {
        return mm * 72f / 25.4f;
    }

    static int twips(int mm) {
        return Math.round(mm * 1440f / 25.4f);
    }

    // ----- .docx -------------------------------------------------------------------------------

    public static byte[] docx(OfficialDocument d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc, d.style());
            header(doc, d);
            spacer(doc);
            centred(doc, d.type(), true, false, d.style() == Style.STATE ? 14 : 15);
            if (d.title() != null && !d.title().isBlank()) {
                centred(doc, d.title(), true, false, 14);
            }
            if (d.style() == Style.PARTY) {
                centred(doc, "-----", false, false, 14);
            }
            spacer(doc);
            for (Block block : d.body()) {
                body(doc, block);
            }
            signature(doc, d);
            if (d.annex() != null) {
                annex(doc, d.annex());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc, Style style) {
        var sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        var size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        int[] m = marginsMm(style);
        var margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(m[0])));
        margins.setBottom(BigInteger.valueOf(twips(m[1])));
        margins.setLeft(BigInteger.valueOf(twips(m[2])));
        margins.setRight(BigInteger.valueOf(twips(m[3])));
        margins.setHeader(BigInteger.valueOf(twips(10)));
        margins.setFooter(BigInteger.valueOf(twips(10)));
        // page numbers from page 2: the first page has its own, empty header
        sect.addNewTitlePg();
        XWPFHeader first = doc.createHeader(HeaderFooterType.FIRST);
        first.createParagraph();
        XWPFHeader numbered = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = numbered.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        var field = p.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        var r = field.addNewR();
        var props = r.addNewRPr();
        var fonts = props.addNewRFonts();
        fonts.setAscii(OfficeDocs.FONT);
        fonts.setHAnsi(OfficeDocs.FONT);
        props.addNewSz().setVal(BigInteger.valueOf(28));
        r.addNewT().setStringValue("2");
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        footer.createParagraph();
    }

    private static void header(XWPFDocument doc, OfficialDocument d) {
        XWPFTable top = doc.createTable(2, 2);
        top.removeBorders();
        top.setWidth("100%");
        top.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.PCT);
        XWPFTableCell organ = top.getRow(0).getCell(0);
        XWPFTableCell motto = top.getRow(0).getCell(1);
        organ.setWidth("45%");
        motto.setWidth("55%");
        XWPFParagraph first = organ.getParagraphs().get(0);
        first.setAlignment(ParagraphAlignment.CENTER);
        boolean hasSuperior = d.superiorOrgan() != null && !d.superiorOrgan().isBlank();
        if (hasSuperior) {
            OfficeDocs.run(first, upper(d.superiorOrgan()), false, d.style() == Style.STATE ? 13 : 14);
            first = organ.addParagraph();
            first.setAlignment(ParagraphAlignment.CENTER);
        }
        for (String line : lines(upper(d.organ()))) {
            if (first == null) {
                first = organ.addParagraph();
                first.setAlignment(ParagraphAlignment.CENTER);
            }
            XWPFRun run = OfficeDocs.run(first, line, true, d.style() == Style.STATE ? 13 : 14);
            if (d.style() == Style.STATE) {
                run.setUnderline(UnderlinePatterns.SINGLE);
            }
            first = null;
        }
        if (d.style() == Style.PARTY) {
            XWPFParagraph star = organ.addParagraph();
            star.setAlignment(ParagraphAlignment.CENTER);
            OfficeDocs.run(star, "*", false, 14);
        }
        XWPFParagraph m = motto.getParagraphs().get(0);
        m.setAlignment(ParagraphAlignment.CENTER);
        if (d.style() == Style.STATE) {
            OfficeDocs.run(m, OfficeDocs.STATE_MOTTO, true, 13);
            XWPFParagraph line = motto.addParagraph();
            line.setAlignment(ParagraphAlignment.CENTER);
            OfficeDocs.run(line, OfficeDocs.STATE_MOTTO_LINE, true, 14).setUnderline(UnderlinePatterns.SINGLE);
        } else {
            OfficeDocs.run(m, OfficeDocs.PARTY_MOTTO, true, 15).setUnderline(UnderlinePatterns.SINGLE);
        }
        XWPFParagraph number = top.getRow(1).getCell(0).getParagraphs().get(0);
        number.setAlignment(ParagraphAlignment.CENTER);
        OfficeDocs.run(number, d.numberLine(), false, d.style() == Style.STATE ? 13 : 14);
        XWPFParagraph dated = top.getRow(1).getCell(1).getParagraphs().get(0);
        dated.setAlignment(d.style() == Style.STATE ? ParagraphAlignment.CENTER : ParagraphAlignment.RIGHT);
        OfficeDocs.run(dated, d.dateLine(), false, 14).setItalic(true);
    }

    private static void spacer(XWPFDocument doc) {
        OfficeDocs.paragraph(doc, "", false, ParagraphAlignment.CENTER, BODY_PT);
    }

    private static void centred(XWPFDocument doc, String text, boolean bold, boolean italic, int points) {
        for (String line : lines(text)) {
            XWPFParagraph p = OfficeDocs.paragraph(doc, line, bold, ParagraphAlignment.CENTER, points);
            p.getRuns().get(0).setItalic(italic);
        }
    }

    private static void body(XWPFDocument doc, Block block) {
        for (String line : lines(block.text())) {
            XWPFParagraph p = doc.createParagraph();
            boolean centred = block.kind() == Block.Kind.CENTRED;
            p.setAlignment(centred ? ParagraphAlignment.CENTER : ParagraphAlignment.BOTH);
            if (!centred) {
                p.setIndentationFirstLine(FIRST_LINE_INDENT_TWIPS);
            }
            p.setSpacingAfter(120);
            p.setSpacingBetween(1.15, LineSpacingRule.AUTO);
            OfficeDocs.run(p, line, block.kind() != Block.Kind.PARAGRAPH, BODY_PT);
        }
    }

    private static void signature(XWPFDocument doc, OfficialDocument d) {
        spacer(doc);
        XWPFTable sign = doc.createTable(1, 2);
        sign.removeBorders();
        sign.setWidth("100%");
        XWPFTableCell left = sign.getRow(0).getCell(0);
        XWPFTableCell right = sign.getRow(0).getCell(1);
        left.setWidth("50%");
        right.setWidth("50%");
        XWPFParagraph to = left.getParagraphs().get(0);
        XWPFRun label = OfficeDocs.run(to, "Nơi nhận:", d.style() == Style.STATE, d.style() == Style.STATE ? 12 : 14);
        if (d.style() == Style.STATE) {
            label.setItalic(true);
        } else {
            label.setUnderline(UnderlinePatterns.SINGLE);
        }
        for (String recipient : d.recipients()) {
            OfficeDocs.run(left.addParagraph(), recipient, false, d.style() == Style.STATE ? 11 : 12);
        }
        OfficialDocument.Signature s = d.signature();
        XWPFParagraph p = right.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        boolean firstLine = true;
        for (String line : signatureLines(s)) {
            if (!firstLine) {
                p = right.addParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
            }
            OfficeDocs.run(p, line, true, 14);
            firstLine = false;
        }
        // room for the signer's image (chữ ký số) and the seal over it
        for (int i = 0; i < 4; i++) {
            right.addParagraph();
        }
        XWPFParagraph name = right.addParagraph();
        name.setAlignment(ParagraphAlignment.CENTER);
        OfficeDocs.run(name, s.name() == null ? "" : s.name(), true, 14);
    }

    private static void annex(XWPFDocument doc, OfficialDocument.Annex annex) {
        XWPFParagraph br = doc.createParagraph();
        br.createRun().addBreak(BreakType.PAGE);
        centred(doc, annex.heading(), true, false, 14);
        centred(doc, annex.title(), true, false, 14);
        if (annex.subtitle() != null) {
            centred(doc, annex.subtitle(), false, true, 14);
        }
        XWPFTable table = doc.createTable(1, annex.headers().size());
        table.setWidth("100%");
        for (int c = 0; c < annex.headers().size(); c++) {
            OfficeDocs.cellText(table.getRow(0).getCell(c), annex.headers().get(c), true, ParagraphAlignment.CENTER, 11);
        }
        for (List<String> values : annex.rows()) {
            XWPFTableRow row = table.createRow();
            for (int c = 0; c < values.size() && c < annex.headers().size(); c++) {
                String value = values.get(c) == null ? "" : values.get(c);
                OfficeDocs.cellText(row.getCell(c), value, false, numeric(value) ? ParagraphAlignment.RIGHT
                        : ParagraphAlignment.LEFT, 11);
            }
        }
    }

    // ----- .pdf --------------------------------------------------------------------------------

    /** The same document as PDF, with the given embedded font (see {@link PdfFonts}). */
    public static byte[] pdf(OfficialDocument d, BaseFont base) {
        int[] m = marginsMm(d.style());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(PageSize.A4, mm(m[2]), mm(m[3]), mm(m[0]), mm(m[1]));
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PageNumbers(base));
            doc.addTitle(d.type() + (d.title() == null ? "" : " " + d.title()));
            doc.open();
            Font plain = new Font(base, BODY_PT);
            Font bold = new Font(base, BODY_PT, Font.BOLD);
            Font italic = new Font(base, BODY_PT, Font.ITALIC);
            pdfHeader(doc, d, base);
            doc.add(new Paragraph(" ", plain));
            for (String line : lines(d.type())) {
                doc.add(centredPdf(line, new Font(base, d.style() == Style.STATE ? 14 : 15, Font.BOLD)));
            }
            for (String line : lines(d.title())) {
                doc.add(centredPdf(line, bold));
            }
            if (d.style() == Style.PARTY) {
                doc.add(centredPdf("-----", plain));
            }
            doc.add(new Paragraph(" ", plain));
            for (Block block : d.body()) {
                for (String line : lines(block.text())) {
                    Paragraph p = new Paragraph(line, block.kind() == Block.Kind.PARAGRAPH ? plain : bold);
                    boolean centred = block.kind() == Block.Kind.CENTRED;
                    p.setAlignment(centred ? Element.ALIGN_CENTER : Element.ALIGN_JUSTIFIED);
                    p.setFirstLineIndent(centred ? 0 : mm(10));
                    p.setSpacingAfter(6);
                    p.setLeading(BODY_PT * 1.3f);
                    doc.add(p);
                }
            }
            pdfSignature(doc, d, base);
            if (d.annex() != null) {
                pdfAnnex(doc, d.annex(), base, italic);
            }
            doc.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("PDF not written", e);
        }
    }

    private static void pdfHeader(Document doc, OfficialDocument d, BaseFont base) throws DocumentException {
        boolean state = d.style() == Style.STATE;
        PdfPTable top = new PdfPTable(new float[] {45, 55});
        top.setWidthPercentage(100);
        Paragraph organ = new Paragraph();
        organ.setAlignment(Element.ALIGN_CENTER);
        if (d.superiorOrgan() != null && !d.superiorOrgan().isBlank()) {
            organ.add(new Chunk(upper(d.superiorOrgan()) + "\n", new Font(base, state ? 13 : 14)));
        }
        Chunk organName = new Chunk(upper(d.organ()), new Font(base, state ? 13 : 14, Font.BOLD));
        if (state) {
            organName.setUnderline(0.6f, -2f);
        }
        organ.add(organName);
        if (!state) {
            organ.add(new Chunk("\n*", new Font(base, 14)));
        }
        top.addCell(borderless(organ));
        Paragraph motto = new Paragraph();
        motto.setAlignment(Element.ALIGN_CENTER);
        if (state) {
            motto.add(new Chunk(OfficeDocs.STATE_MOTTO + "\n", new Font(base, 12, Font.BOLD)));
            Chunk line = new Chunk(OfficeDocs.STATE_MOTTO_LINE, new Font(base, 13, Font.BOLD));
            line.setUnderline(0.6f, -3f);
            motto.add(line);
        } else {
            Chunk party = new Chunk(OfficeDocs.PARTY_MOTTO, new Font(base, 14, Font.BOLD));
            party.setUnderline(0.6f, -3f);
            motto.add(party);
        }
        top.addCell(borderless(motto));
        Paragraph number = new Paragraph(d.numberLine(), new Font(base, state ? 13 : 14));
        number.setAlignment(Element.ALIGN_CENTER);
        top.addCell(borderless(number));
        Paragraph dated = new Paragraph(d.dateLine(), new Font(base, state ? 13 : 14, Font.ITALIC));
        dated.setAlignment(state ? Element.ALIGN_CENTER : Element.ALIGN_RIGHT);
        top.addCell(borderless(dated));
        doc.add(top);
    }

    private static void pdfSignature(Document doc, OfficialDocument d, BaseFont base) throws DocumentException {
        boolean state = d.style() == Style.STATE;
        PdfPTable sign = new PdfPTable(2);
        sign.setWidthPercentage(100);
        sign.setSpacingBefore(12);
        sign.setKeepTogether(true);
        Paragraph to = new Paragraph();
        Chunk label = new Chunk("Nơi nhận:\n", new Font(base, state ? 12 : 14, state ? Font.BOLDITALIC : Font.UNDERLINE));
        to.add(label);
        for (String recipient : d.recipients()) {
            to.add(new Chunk(recipient + "\n", new Font(base, state ? 11 : 12)));
        }
        PdfPCell left = borderless(to);
        left.setHorizontalAlignment(Element.ALIGN_LEFT);
        sign.addCell(left);
        Paragraph signer = new Paragraph();
        signer.setAlignment(Element.ALIGN_CENTER);
        Font bold = new Font(base, 14, Font.BOLD);
        for (String line : signatureLines(d.signature())) {
            signer.add(new Chunk(line + "\n", bold));
        }
        // room for the signer's image (chữ ký số) and the seal over it
        signer.add(new Chunk("\n\n\n\n", bold));
        signer.add(new Chunk(d.signature().name() == null ? "" : d.signature().name(), bold));
        sign.addCell(borderless(signer));
        doc.add(sign);
    }

    private static void pdfAnnex(Document doc, OfficialDocument.Annex annex, BaseFont base, Font italic) throws DocumentException {
        doc.newPage();
        Font bold = new Font(base, 14, Font.BOLD);
        doc.add(centredPdf(annex.heading(), bold));
        for (String line : lines(annex.title())) {
            doc.add(centredPdf(line, bold));
        }
        if (annex.subtitle() != null) {
            doc.add(centredPdf(annex.subtitle(), italic));
        }
        doc.add(new Paragraph(" "));
        PdfPTable table = new PdfPTable(annex.headers().size());
        table.setWidthPercentage(100);
        if (annex.widths() != null) {
            table.setWidths(annex.widths());
        }
        table.setHeaderRows(1);
        Font cellBold = new Font(base, 9, Font.BOLD);
        Font cell = new Font(base, 9);
        for (String header : annex.headers()) {
            PdfPCell c = new PdfPCell(new Phrase(header, cellBold));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setPadding(3);
            table.addCell(c);
        }
        for (List<String> values : annex.rows()) {
            for (int i = 0; i < annex.headers().size(); i++) {
                String value = i < values.size() && values.get(i) != null ? values.get(i) : "";
                PdfPCell c = new PdfPCell(new Phrase(value, cell));
                c.setHorizontalAlignment(numeric(value) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                c.setPadding(3);
                table.addCell(c);
            }
        }
        doc.add(table);
    }

    /** The page number, centred in the top margin, from page 2 on. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final BaseFont base;

        PageNumbers(BaseFont base) {
            this.base = base;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int page = writer.getPageNumber();
            if (page < 2) {
                return;
            }
            float y = document.getPageSize().getHeight() - document.topMargin() / 2;
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase(String.valueOf(page), new Font(base, 14)),
                    (document.left() + document.right()) / 2, y, 0);
        }
    }

    private static PdfPCell borderless(Paragraph paragraph) {
        PdfPCell cell = new PdfPCell();
        cell.addElement(paragraph);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private static Paragraph centredPdf(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    // ----- shared ------------------------------------------------------------------------------

    static List<String> signatureLines(OfficialDocument.Signature s) {
        List<String> lines = new java.util.ArrayList<>();
        if (s.capacity() != null && !s.capacity().isBlank()) {
            lines.addAll(lines(upper(s.capacity())));
        }
        if (s.title() != null && !s.title().isBlank()) {
            lines.addAll(lines(upper(s.title())));
        }
        return lines;
    }

    private static String upper(String text) {
        return text == null ? "" : text.strip().toUpperCase(OfficeDocs.VI);
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean numeric(String value) {
        return value.matches("[0-9.,]+");
    }
}
