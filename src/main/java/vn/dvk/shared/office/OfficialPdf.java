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
import vn.dvk.shared.office.OfficialDocument.Block;
import vn.dvk.shared.office.OfficialDocument.Style;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static vn.dvk.shared.office.OfficialLayout.BODY_PT;
import static vn.dvk.shared.office.OfficialLayout.lines;
import static vn.dvk.shared.office.OfficialLayout.marginsMm;
import static vn.dvk.shared.office.OfficialLayout.mm;
import static vn.dvk.shared.office.OfficialLayout.numeric;
import static vn.dvk.shared.office.OfficialLayout.signatureLines;
import static vn.dvk.shared.office.OfficialLayout.upper;

/** The .pdf half of {@link OfficialLayout}: the same layout written with OpenPDF. */
final class OfficialPdf {

    private OfficialPdf() {
    }

    /** The same document as PDF, with the given embedded font (see {@link PdfFonts}). */
    static byte[] pdf(OfficialDocument d, BaseFont base) {
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
}
