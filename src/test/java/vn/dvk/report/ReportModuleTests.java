package vn.dvk.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitType;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.adminunit.UnitBoundaries;
import vn.dvk.document.DocumentSettings;
import vn.dvk.document.IssuedDocuments;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.Sectors;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.SystemActor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * The report module alone (with the shared kernel): the summary's figures added up from the
 * registration tally, hand-counted here for a province of its own, the other modules' answers
 * (the unit and its lineage, the sectors) given by mocks; the beans of the other modules that the
 * module's services need to start (initiatives, boundaries, organisations, documents) are mocks too.
 */
@ApplicationModuleTest(extraIncludes = "shared")
class ReportModuleTests {

    /** A province no migration or demo makes: its tally rows are this test's alone in the shared database. */
    static final long PROVINCE = 990_001L;
    /** A province that became the test province: its kept counts carry its own id. */
    static final long EARLIER = 990_002L;
    static final AdminUnitView TEST_PROVINCE = new AdminUnitView(PROVINCE, "T99", "Thử Nghiệm", "Tỉnh Thử Nghiệm",
            AdminUnitLevel.PROVINCE, AdminUnitType.PROVINCE, null, null, "/", LocalDate.of(2000, 1, 1), null, List.of(), null);

    @MockitoBean
    AdminUnits units;
    @MockitoBean
    Sectors sectors;
    @MockitoBean
    InitiativeRegistry registry;
    @MockitoBean
    UnitBoundaries boundaries;
    @MockitoBean
    Organisations organisations;
    @MockitoBean
    DocumentSettings documentSettings;
    @MockitoBean
    IssuedDocuments issuedDocuments;
    /** Implemented by the exchange module, which reads the spreadsheets. */
    @MockitoBean
    OutcomeSheets outcomeSheets;

    private final Reports reports;
    private final JdbcTemplate jdbc;

    ReportModuleTests(Reports reports, JdbcTemplate jdbc) {
        this.reports = reports;
        this.jdbc = jdbc;
    }

    /** The kept counts of the test province must not outlive the test: other tests recount the whole table. */
    @AfterEach
    void removeTheTestProvincesCounts() {
        jdbc.update("delete from registration_tally where province_id in (?, ?)", PROVINCE, EARLIER);
    }

    private void tally(String sector, String status, String kind, String holder, boolean featured, String state, long n) {
        tally(PROVINCE, sector, status, kind, holder, featured, state, n);
    }

    private void tally(long province, String sector, String status, String kind, String holder, boolean featured, String state,
                       long n) {
        jdbc.update("delete from registration_tally where province_id = ? and reg_year = 2019 and unit_id = ? and sector = ?"
                        + " and status = ? and kind = ? and holder = ? and featured = ? and workflow_state = ?",
                province, PROVINCE, sector, status, kind, holder, featured, state);
        jdbc.update("insert into registration_tally (province_id, unit_id, reg_year, sector, status, kind, holder, featured,"
                + " workflow_state, n) values (?, ?, 2019, ?, ?, ?, ?, ?, ?, ?)", province, PROVINCE, sector, status, kind, holder,
                featured, state, n);
    }

    @Test
    void aProvinceCountsTheKeptCountsOfEveryProvinceThatBecameIt() {
        given(units.getByCode(eq("T99"), any())).willReturn(TEST_PROVINCE);
        given(units.provincesReaching(TEST_PROVINCE)).willReturn(List.of(PROVINCE, EARLIER));
        given(units.children(eq(PROVINCE), any())).willReturn(List.of());
        given(units.byIds(anyCollection())).willReturn(Map.of(PROVINCE, TEST_PROVINCE));
        given(sectors.all()).willReturn(List.of(new Sectors.SectorView("ECONOMY", "Kinh tế", "Kinh tế", "Economy", 1, true),
                new Sectors.SectorView("NEW_RURAL", "Nông thôn mới", "Nông thôn mới", "New rural", 2, true)));
        tally("ECONOMY", "NEW", "MODEL", "COLLECTIVE", false, "REGISTERED", 3);
        tally(EARLIER, "NEW_RURAL", "MAINTAINED", "MODEL", "COLLECTIVE", false, "RECOGNISED", 4);
        tally(EARLIER, "ECONOMY", "NEW", "MODEL", "COLLECTIVE", false, "REGISTERED", 2);

        Summary summary = SystemActor.call(() -> reports.summary("T99", 2019));

        assertThat(summary.total()).isEqualTo(9);
        assertThat(summary.bySector()).containsEntry("ECONOMY", 5L).containsEntry("NEW_RURAL", 4L);
        assertThat(summary.byStatus()).containsEntry("NEW", 5L).containsEntry("MAINTAINED", 4L);
        assertThat(summary.recognised()).isEqualTo(4);
    }

    @Test
    void aPeriodOfAProvinceMadeOfSeveralCountsAnInitiativeWithYearsInTwoOfThemOnce() {
        // an initiative with two years in one province; for this test its later year is moved to another province,
        // and the test province is made of both (the provinces are read one at a time, the initiatives gathered)
        Map<String, Object> twice = jdbc.queryForMap("select initiative_id, province_id, min(reg_year) as first_year,"
                + " max(reg_year) as last_year from registration group by initiative_id, province_id having count(*) >= 2"
                + " order by initiative_id fetch first 1 rows only");
        long initiative = ((Number) twice.get("initiative_id")).longValue();
        long first = ((Number) twice.get("province_id")).longValue();
        int from = ((Number) twice.get("first_year")).intValue();
        int to = ((Number) twice.get("last_year")).intValue();
        long second = jdbc.queryForObject("select min(province_id) from registration where province_id <> ?", Long.class, first);
        AdminUnitView made = new AdminUnitView(first, "T98", "Thử Ghép", "Tỉnh Thử Ghép", AdminUnitLevel.PROVINCE,
                AdminUnitType.PROVINCE, null, null, "/", LocalDate.of(2000, 1, 1), null, List.of(), null);
        given(units.getByCode(eq("T98"), any())).willReturn(made);
        given(units.provincesReaching(made)).willReturn(List.of(first, second));
        given(sectors.all()).willReturn(List.of(new Sectors.SectorView("ECONOMY", "Kinh tế", "Kinh tế", "Economy", 1, true)));
        String distinct = "select count(distinct initiative_id) from registration where reg_year between ? and ? and province_id in (?, ?)";
        long expected = jdbc.queryForObject(distinct, Long.class, from, to, first, second);

        assertThat(SystemActor.call(() -> reports.trend("T98", from, to)).initiatives()).isEqualTo(expected);
        try {
            jdbc.update("update registration set province_id = ? where initiative_id = ? and reg_year = ?", second, initiative, to);
            assertThat(jdbc.queryForObject(distinct, Long.class, from, to, first, second)).isEqualTo(expected);
            assertThat(SystemActor.call(() -> reports.trend("T98", from, to)).initiatives()).isEqualTo(expected);
        } finally {
            jdbc.update("update registration set province_id = ? where initiative_id = ? and reg_year = ?", first, initiative, to);
        }
    }

    @Test
    void aProvincesSummaryAddsUpItsRegistrationsBySectorStatusAndRecognition() {
        given(units.getByCode(eq("T99"), any())).willReturn(TEST_PROVINCE);
        given(units.provincesReaching(TEST_PROVINCE)).willReturn(List.of(PROVINCE));
        given(units.children(eq(PROVINCE), any())).willReturn(List.of());
        given(units.byIds(anyCollection())).willReturn(Map.of(PROVINCE, TEST_PROVINCE));
        given(sectors.all()).willReturn(List.of(new Sectors.SectorView("ECONOMY", "Kinh tế", "Kinh tế", "Economy", 1, true),
                new Sectors.SectorView("NEW_RURAL", "Nông thôn mới", "Nông thôn mới", "New rural", 2, true)));
        tally("ECONOMY", "NEW", "MODEL", "COLLECTIVE", false, "REGISTERED", 3);
        tally("ECONOMY", "MAINTAINED", "MODEL", "COLLECTIVE", true, "RECOGNISED", 2);
        tally("NEW_RURAL", "NEW", "EXEMPLAR", "INDIVIDUAL", false, "COMMENDED", 1);
        tally("NEW_RURAL", "NEW", "MODEL", "COLLECTIVE", false, "SUBMITTED", 0);

        Summary summary = SystemActor.call(() -> reports.summary("T99", 2019));

        assertThat(summary.total()).isEqualTo(6);
        assertThat(summary.bySector()).containsEntry("ECONOMY", 5L).containsEntry("NEW_RURAL", 1L);
        assertThat(summary.byStatus()).containsEntry("NEW", 4L).containsEntry("MAINTAINED", 2L);
        assertThat(summary.byKind()).containsEntry("MODEL", 5L).containsEntry("EXEMPLAR", 1L);
        assertThat(summary.byHolder()).containsEntry("COLLECTIVE", 5L).containsEntry("INDIVIDUAL", 1L);
        assertThat(summary.recognised()).as("recognised and commended").isEqualTo(3);
        assertThat(summary.featured()).isEqualTo(2);
    }

    @Test
    void aYearBeforeTheMovementsRecordsIsRefusedNamingTheYear() {
        assertThatThrownBy(() -> SystemActor.call(() -> reports.summary("T99", 1985)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    }
}
