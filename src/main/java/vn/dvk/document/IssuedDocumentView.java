package vn.dvk.document;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A document an organisation issued: its number in the organisation's year and what it is; with the
 * status of the check of its signed copy (ký số) uploaded back and that copy's file name, both null
 * while none was uploaded. Serializable: a page shows it once after a redirect (a flash attribute),
 * and sessions are kept in the database.
 */
public record IssuedDocumentView(long id, long organisationId, String kind, int year, int number, String numberText,
                                 LocalDate issuedOn, String title, String fileStem, String issuedBy, String signatureStatus,
                                 String signedFileName) implements Serializable {
}
