package vn.dvk.shared.office;

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
import org.apache.poi.xwpf.usermodel.TableWidthType;

import static vn.dvk.shared.office.OfficialLayout.BODY_PT;
import static vn.dvk.shared.office.OfficialLayout.FIRST_LINE_INDENT_TWIPS;
import static vn.dvk.shared.office.OfficialLayout.lines;
import static vn.dvk.shared.office.OfficialLayout.marginsMm;
import static vn.dvk.shared.office.OfficialLayout.numeric;
import static vn.dvk.shared.office.OfficialLayout.signatureLines;
import static vn.dvk.shared.office.OfficialLayout.twips;
import static vn.dvk.shared.office.OfficialLayout.upper;

/** The .docx half of {@link OfficialLayout}: the same layout written with Apache POI. */
final class OfficialDocx {

    private OfficialDocx() {
    }

    static byte[] docx(OfficialDocument d) {
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
        top.setWidthType(TableWidthType.PCT);
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
}
