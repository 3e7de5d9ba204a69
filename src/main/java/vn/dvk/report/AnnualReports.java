package vn.dvk.report;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.dvk.document.DocumentSettings;
import vn.dvk.document.DocumentSettingsView;
import vn.dvk.document.IssuedDocumentView;
import vn.dvk.document.IssuedDocuments;
import vn.dvk.organisation.OrganisationType;
import vn.dvk.organisation.OrganisationView;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.office.OfficialDocument;
import vn.dvk.shared.office.OfficialLayout;
import vn.dvk.shared.office.PdfFonts;
import vn.dvk.shared.security.CurrentUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Drafts, lays out and issues the annual report of a unit's year in the name of an organisation. */
@Service
class AnnualReports {

    /** One report as it would print: the figures, who issues it, its number (null: blank) and date. */
    record Draft(Summary summary, DocumentSettingsView settings, Integer number, LocalDate date,
                 ReportAssessments.Assessment assessment) {
    }

    private final Reports reports;
    private final AnnualReport report;
    private final ReportAssessments assessments;
    private final DocumentSettings settings;
    private final IssuedDocuments issued;
    private final Organisations organisations;
    private final Clock clock;
    private final String pdfFontPath;

    AnnualReports(Reports reports, AnnualReport report, ReportAssessments assessments, DocumentSettings settings,
                  IssuedDocuments issued, Organisations organisations, Clock clock, @Value("${dvk.pdf.font:}") String pdfFontPath) {
        this.reports = reports;
        this.report = report;
        this.assessments = assessments;
        this.settings = settings;
        this.issued = issued;
        this.organisations = organisations;
        this.clock = clock;
        this.pdfFontPath = pdfFontPath;
    }

    Draft draft(String unit, Integer year, Long organisationId, Integer number, LocalDate date) {
        Summary s = reports.summary(unit, year);
        Long issuer = organisationId != null ? organisationId : issuerOf(s);
        if (issuer == null) {
            throw new DomainException(DomainException.Kind.INVALID,
                    List.of(FieldProblem.field("organisation", "document.noOrganisation")), "error.validation");
        }
        return new Draft(s, settings.of(issuer), number, date == null ? LocalDate.now(clock) : date,
                assessments.of(s.unitId(), s.year()));
    }

    /** The caller's own organisation, or else the unit's mass-mobilisation board. */
    private Long issuerOf(Summary s) {
        Long own = CurrentUser.get().map(CurrentUser::organisationId).orElse(null);
        if (own != null) {
            return own;
        }
        if (s.unitId() == null) {
            return null;
        }
        return organisations.search(new Organisations.Query(null, OrganisationType.MOBILISATION_COMMITTEE, null, s.unitId()), 0, 50)
                .getContent().stream().filter(o -> s.unitId().equals(o.unitId())).map(OrganisationView::id).findFirst().orElse(null);
    }

    OfficialDocument document(Draft d) {
        return report.document(d.summary(), d.settings(), d.number(), d.date(), d.assessment());
    }

    byte[] docx(Draft d) {
        return OfficialLayout.docx(document(d));
    }

    byte[] pdf(Draft d) {
        try {
            return OfficialLayout.pdf(document(d), PdfFonts.load(pdfFontPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String fileStem(Draft d) {
        return AnnualReport.fileStem(d.summary());
    }

    /** Issues the report with the organisation's next number of the year (or the one given) and keeps both files. */
    IssuedDocumentView issue(Draft d) {
        Summary s = d.summary();
        return issued.issue(new IssuedDocuments.Issue(d.settings().organisationId(), AnnualReport.KIND, AnnualReport.TYPE_CODE,
                        d.number(), d.date(), AnnualReport.title(s.year()), fileStem(d)), d.settings(),
                (number, date) -> {
                    Draft numbered = new Draft(s, d.settings(), number, date, d.assessment());
                    return new IssuedDocuments.Files(docx(numbered), pdf(numbered));
                });
    }

    int nextNumber(Draft d) {
        return issued.nextNumber(d.settings().organisationId(), d.date().getYear());
    }

    ReportAssessments.Assessment saveAssessment(String unit, Integer year, ReportAssessments.Assessment assessment) {
        Summary s = reports.summary(unit, year);
        return assessments.save(s.unitId(), s.year(), assessment);
    }
}
