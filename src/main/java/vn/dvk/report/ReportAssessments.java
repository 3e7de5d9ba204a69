package vn.dvk.report;

import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.dvk.shared.validation.Inputs;

/** The office's own assessment of a unit's year, typed on the report page and kept for its report. */
@Component
class ReportAssessments {

    static final int MAX = 8000;

    /** Strengths (ưu điểm), weaknesses (hạn chế), causes (nguyên nhân) and directions (phương hướng). */
    record Assessment(@Size(max = MAX) String strengths,
                      @Size(max = MAX) String weaknesses,
                      @Size(max = MAX) String causes,
                      @Size(max = MAX) String directions) {
        static final Assessment EMPTY = new Assessment(null, null, null, null);
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Inputs inputs;

    ReportAssessments(JdbcTemplate jdbc, Clock clock, Inputs inputs) {
        this.inputs = inputs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Assessment of(Long unitId, int year) {
        if (unitId == null) {
            return Assessment.EMPTY;
        }
        List<Assessment> found = jdbc.query("select strengths, weaknesses, causes, directions from report_assessment"
                + " where unit_id = ? and reg_year = ?", (rs, n) -> new Assessment(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), unitId, year);
        return found.isEmpty() ? Assessment.EMPTY : found.get(0);
    }

    @Transactional
    Assessment save(Long unitId, int year, Assessment a) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        List<FieldProblem> problems = new ArrayList<>(inputs.problems(a));
        if (unitId == null) {
            problems.add(FieldProblem.field("unit", "validation.NotBlank"));
        }
        Assessment clean = new Assessment(clean(a.strengths(), "strengths", problems), clean(a.weaknesses(), "weaknesses", problems),
                clean(a.causes(), "causes", problems), clean(a.directions(), "directions", problems));
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        Object[] values = {clean.strengths(), clean.weaknesses(), clean.causes(), clean.directions(), user.getUsername(),
                OffsetDateTime.now(clock), unitId, year};
        if (jdbc.update("update report_assessment set strengths = ?, weaknesses = ?, causes = ?, directions = ?, updated_by = ?,"
                + " updated_at = ? where unit_id = ? and reg_year = ?", values) == 0) {
            jdbc.update("insert into report_assessment (strengths, weaknesses, causes, directions, updated_by, updated_at, unit_id,"
                    + " reg_year) values (?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
        return clean;
    }

    private static String clean(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String nfc = Normalizer.normalize(text.strip().replace("\r\n", "\n"), Normalizer.Form.NFC);
        if (nfc.length() > MAX && problems.stream().noneMatch(p -> field.equals(p.field()))) {
            problems.add(FieldProblem.field(field, "validation.Size"));
        }
        return nfc;
    }
}
