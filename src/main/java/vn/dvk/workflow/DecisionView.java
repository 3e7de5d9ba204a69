package vn.dvk.workflow;

import vn.dvk.shared.office.SignatureReport;

import java.time.LocalDate;

/**
 * A decision; {@code signatures} is the check of its PDF's digital signatures made on upload (see
 * {@link SignatureReport}), null when it has no file or the file is an image.
 */
public record DecisionView(Long id, String kind, String number, LocalDate date, String issuingBody, Long unitId,
                           String fileName, String citation, SignatureReport signatures) {
}
