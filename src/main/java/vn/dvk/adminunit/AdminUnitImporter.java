package vn.dvk.adminunit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.ApplicationEventPublisher;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.tabular.TabularFile;

import java.time.Clock;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports the official unit lists (CSV or XLSX): reads the whole file first, and writes only when
 * no row has a problem, in one transaction, so a bad file changes nothing. Importing the same file
 * again changes nothing either.
 */
@Service
public class AdminUnitImporter {

    static final int MAX_PROBLEMS = 500;
    private static final int HEADER_SEARCH_ROWS = 30;
    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private final AdminUnitRepository units;
    private final SuccessorLinkRepository links;
    private final ApplicationEventPublisher events;
    private final UnitPlacement placement;

    private final Clock clock;

    AdminUnitImporter(AdminUnitRepository units, SuccessorLinkRepository links, ApplicationEventPublisher events, Clock clock,
                      UnitPlacement placement) {
        this.clock = clock;
        this.units = units;
        this.links = links;
        this.events = events;
        this.placement = placement;
    }

    /**
     * @param effectiveFrom the day the list is in force (the reform day for the conversion table);
     *                      when null: 1 July 2025 for the conversion table, else a date in the file name, else today
     */
    @Transactional
    public ImportReport importList(InputStream input, String fileName, LocalDate effectiveFrom) {
        Permissions.require(Role.ADMIN);
        OfficialUnitList.Findings findings = new OfficialUnitList.Findings();
        OfficialUnitList[] list = new OfficialUnitList[1];
        TabularFile.Format format = TabularFile.read(input, row -> {
            if (list[0] != null) {
                list[0].accept(row, findings);
            } else if (row.number() <= HEADER_SEARCH_ROWS) {
                list[0] = OfficialUnitList.recognise(row).orElse(null);
            }
        });
        if (list[0] == null) {
            throw DomainException.invalid("import.units.notRecognised");
        }
        if (list[0].rows() == 0) {
            throw DomainException.invalid("import.units.empty");
        }
        List<FieldProblem> errors = findings.errors;
        if (!errors.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID,
                    errors.subList(0, Math.min(MAX_PROBLEMS, errors.size())), "import.rejected", errors.size());
        }
        LocalDate day = effectiveFrom != null ? effectiveFrom : defaultDay(list[0], fileName, LocalDate.now(clock));
        UnitBook book = UnitBook.load(units, links);
        ImportReport.Tally tally = new ImportReport.Tally();
        list[0].apply(book, day, tally);
        units.flush();
        links.flush();
        placement.recompute();
        List<FieldProblem> warnings = findings.warnings;
        ImportReport report = tally.report(list[0].kind(), format.name(), list[0].rows(),
                warnings.subList(0, Math.min(MAX_PROBLEMS, warnings.size())));
        events.publishEvent(AuditEvent.of(AuditEvent.Action.IMPORT, "ADMIN_UNIT_LIST", null, null,
                "%s %s (%s, %d rows, effective %s): %s".formatted(report.kind(), fileName, report.format(), report.rows(),
                        day, report.levels())));
        return report;
    }

    private static LocalDate defaultDay(OfficialUnitList list, String fileName, LocalDate today) {
        if (list instanceof GsoUnitList && fileName != null) {
            Matcher m = DATE_IN_NAME.matcher(fileName);
            if (m.find()) {
                try {
                    return LocalDate.parse(m.group(1));
                } catch (DateTimeParseException ignored) {
                    // not a date after all: fall back to the list's default
                }
            }
        }
        return list.defaultEffectiveFrom(today);
    }
}
