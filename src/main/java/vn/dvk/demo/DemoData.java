package vn.dvk.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

/** Loads the five demo districts, their units and organisations once, into an empty database. */
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

    DemoData(AdminUnitRegistry registry, AdminUnits units, Organisations organisations, TransactionTemplate transaction) {
        this.registry = registry;
        this.units = units;
        this.organisations = organisations;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (units.findByCode(MARKER_UNIT, LocalDate.of(2021, 1, 1)).isPresent()) {
            return;
        }
        List<CSVRecord> unitRows = read("demo/admin-units.csv");
        List<CSVRecord> organisationRows = read("demo/organisations.csv");
        transaction.executeWithoutResult(status -> {
            Map<String, Long> unitIds = registry.defineAll(unitRows.stream().map(DemoData::definition).toList());
            Map<String, Long> organisationIds = new HashMap<>();
            for (CSVRecord r : organisationRows) {
                String parentKey = r.get("parentKey");
                Long parentId = parentKey.isBlank() ? null : organisationIds.get(parentKey);
                var created = organisations.create(new OrganisationDraft(r.get("name"),
                        OrganisationType.valueOf(r.get("type")), null, unitIds.get(r.get("unitKey")), parentId, null));
                organisationIds.put(r.get("key"), created.id());
            }
        });
        log.info("Demo data loaded: {} administrative units, {} organisations", unitRows.size(), organisationRows.size());
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

    private static List<CSVRecord> read(String resource) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return new ArrayList<>(format.parse(reader).getRecords());
        }
    }
}
