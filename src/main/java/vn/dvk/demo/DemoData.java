package vn.dvk.demo;

import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitRegistry;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.OrganisationDraft;
import vn.dvk.organisation.OrganisationType;
import vn.dvk.organisation.Organisations;
import vn.dvk.identity.UserAdministration;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.Registrations;
import vn.dvk.initiative.Replications;
import vn.dvk.identity.UserDirectory;
import vn.dvk.identity.UserDraft;
import vn.dvk.shared.security.SystemActor;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dvk.report.OutcomeIndicators;

/**
 * Loads the five demo districts, their units, organisations and demo accounts once, into an empty
 * database, and prints the demo accounts at every start.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "dvk.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String MARKER_UNIT = "674";

    private final AdminUnitRegistry registry;
    private final AdminUnits units;
    private final Organisations organisations;
    private final TransactionTemplate transaction;
    private final UserAdministration users;
    private final UserDirectory directory;
    private final InitiativeRegistry initiatives;
    private final Registrations registrations;
    private final Replications replications;
    private final EntityManager entityManager;
    private final DemoWorkflow workflow;
    private final DemoPortal portal;
    private final DemoPlanning planning;
    private final OutcomeIndicators outcomes;
    private final DemoToday today;
    private final ApplicationEventPublisher events;

    DemoData(AdminUnitRegistry registry, AdminUnits units, Organisations organisations, TransactionTemplate transaction,
             UserAdministration users, UserDirectory directory, InitiativeRegistry initiatives, Registrations registrations,
             Replications replications, EntityManager entityManager, DemoWorkflow workflow, OutcomeIndicators outcomes, DemoPortal portal, DemoPlanning planning,
             DemoToday today, ApplicationEventPublisher events) {
        this.events = events;
        this.today = today;
        this.portal = portal;
        this.planning = planning;
        this.workflow = workflow;
        this.outcomes = outcomes;
        this.initiatives = initiatives;
        this.registrations = registrations;
        this.replications = replications;
        this.entityManager = entityManager;
        this.registry = registry;
        this.units = units;
        this.organisations = organisations;
        this.transaction = transaction;
        this.users = users;
        this.directory = directory;
    }

    /**
     * Loading takes tens of seconds, while the web server already listens: DVK says it refuses traffic
     * until it is done (Spring Boot says it accepts traffic once every start-up task has run), so
     * requests meanwhile are answered 503 "starting" instead of waiting on the locks the load holds.
     */
    @Override
    public void run(ApplicationArguments args) throws IOException {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        if (units.findByCode(MARKER_UNIT, LocalDate.of(2021, 1, 1)).isEmpty()) {
            List<CSVRecord> unitRows = read("demo/admin-units.csv");
            List<CSVRecord> organisationRows = read("demo/organisations.csv");
            List<CSVRecord> initiativeRows = read("demo/initiatives.csv");
            SystemActor.run(() -> transaction.executeWithoutResult(status -> load(unitRows, organisationRows, initiativeRows)));
            log.info("Demo data loaded: {} administrative units, {} organisations, {} initiatives, {} accounts",
                    unitRows.size(), organisationRows.size(), initiativeRows.size(), DemoAccounts.ALL.size());
        }
        if (directory.principalOf(DemoAccounts.ALL.get(0).username()).isPresent()) {
            StringBuilder accounts = new StringBuilder();
            DemoAccounts.ALL.forEach(a -> accounts.append("\n   ").append("%-14s %-22s %s".formatted(a.username(), a.role(), a.displayName())));
            log.info("\n DVK demo accounts (password {}):{}\n", DemoAccounts.PASSWORD, accounts);
        }
    }

    private void load(List<CSVRecord> unitRows, List<CSVRecord> organisationRows, List<CSVRecord> initiativeRows) {
        Map<String, Long> unitIds = registry.defineAll(unitRows.stream().map(DemoData::definition).toList());
        Map<String, Long> organisationIds = new HashMap<>();
        for (CSVRecord r : organisationRows) {
            String parentKey = r.get("parentKey");
            Long parentId = parentKey.isBlank() ? null : organisationIds.get(parentKey);
            var created = organisations.create(new OrganisationDraft(r.get("name"),
                    OrganisationType.valueOf(r.get("type")), null, unitIds.get(r.get("unitKey")), parentId, null));
            organisationIds.put(r.get("key"), created.id());
        }
        Map<String, Long> initiativeIds = new DemoInitiatives(initiatives, registrations, replications, entityManager).load(initiativeRows, unitIds,
                organisationIds);
        for (DemoAccounts.Account a : DemoAccounts.ALL) {
            users.create(new UserDraft(a.username(), a.displayName(),
                    a.organisationKey() == null ? null : organisationIds.get(a.organisationKey()), null,
                    a.unitKey() == null ? null : unitIds.get(a.unitKey()), DemoAccounts.roles(a), DemoAccounts.PASSWORD,
                    true, null));
        }
        workflow.load(initiativeIds);
        portal.load(initiativeIds);
        planning.load(initiativeIds);
        today.load(initiativeIds, unitIds, organisationIds);
        DemoOutcomes.ALL.forEach(outcomes::record);
    }

    private static AdminUnitRegistry.Definition definition(CSVRecord r) {
        List<String> successors = r.get("successors").isBlank() ? List.of()
                : Arrays.asList(r.get("successors").split(";"));
        return new AdminUnitRegistry.Definition(r.get("key"), r.get("code"), AdminUnitLevel.valueOf(r.get("level")),
                r.get("fullName"), r.get("parent"), date(r.get("validFrom")), date(r.get("validTo")), successors);
    }

    private static LocalDate date(String text) {
        return text.isBlank() ? null : LocalDate.parse(text);
    }

    static List<CSVRecord> read(String resource) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return new ArrayList<>(format.parse(reader).getRecords());
        }
    }
}
