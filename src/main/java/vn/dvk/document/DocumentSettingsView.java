package vn.dvk.document;

import vn.dvk.shared.office.OfficialDocument;
import vn.dvk.shared.office.OfficialDocument.Style;

import java.time.LocalDate;
import java.util.List;

/**
 * How an organisation heads and signs its documents; {@code saved} is false while these are the
 * defaults derived from the organisation (nothing stored yet).
 */
public record DocumentSettingsView(Long organisationId, String organisationName, Style style, String superiorOrgan,
                                   String organ, String symbol, String place, String signerCapacity, String signerTitle,
                                   String signerName, List<String> recipients, boolean saved, long version) {

    /** The number as printed: "24-BC/BDVHU" (party) or "24/QĐ-UBND" (state); blank where there is no number yet. */
    public String number(Integer number, String typeCode) {
        return OfficialDocument.number(style, number, typeCode, symbol);
    }

    /** A document of this organisation with its header, signature and recipients. */
    public OfficialDocument document(Integer number, String typeCode, LocalDate date, String type, String title,
                                     List<OfficialDocument.Block> body, OfficialDocument.Annex annex) {
        return new OfficialDocument(style, superiorOrgan, organ, number(number, typeCode), place, date, type, title, body,
                new OfficialDocument.Signature(signerCapacity, signerTitle, signerName), recipients, annex);
    }
}
