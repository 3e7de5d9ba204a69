package vn.dvk.document;

import java.time.LocalDate;

/** A document an organisation issued: its number in the organisation's year and what it is. */
public record IssuedDocumentView(long id, long organisationId, String kind, int year, int number, String numberText,
                                 LocalDate issuedOn, String title, String fileStem, String issuedBy) {
}
