package vn.dvk.demo;

import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVRecord;
import vn.dvk.initiative.Holder;
import vn.dvk.initiative.InitiativeDraft;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.Kind;
import vn.dvk.initiative.RegistrationStatus;
import vn.dvk.initiative.Registrations;
import vn.dvk.initiative.Replications;
import vn.dvk.initiative.TargetGroup;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo's initiatives (src/main/resources/demo/initiatives.csv), through the registry's own rules. */
final class DemoInitiatives {

    private final InitiativeRegistry registry;
    private final Registrations registrations;
    private final Replications replications;
    private final EntityManager entityManager;

    DemoInitiatives(InitiativeRegistry registry, Registrations registrations, Replications replications,
                    EntityManager entityManager) {
        this.registry = registry;
        this.registrations = registrations;
        this.replications = replications;
        this.entityManager = entityManager;
    }

    /** Loads the rows; answers each row's key with the initiative's id. */
    Map<String, Long> load(List<CSVRecord> rows, Map<String, Long> unitIds, Map<String, Long> organisationIds) {
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord r : rows) {
            Long unitId = unitIds.get(r.get("unitKey"));
            Long organisationId = organisationIds.get(r.get("organisationKey"));
            int startYear = Integer.parseInt(r.get("startYear"));
            Long id;
            if (r.get("pilotKey").isBlank()) {
                id = registry.create(new InitiativeDraft(null, r.get("name"), Kind.valueOf(r.get("kind")),
                        Holder.valueOf(r.get("holder")), r.get("sector"), null, unitId, organisationId,
                        "Cán bộ Ban Dân vận phụ trách địa bàn", startYear, blankToNull(r.get("description")), null, null,
                        groups(r.get("targetGroups")), Boolean.parseBoolean(r.get("featured")), null)).initiative().id();
            } else {
                id = replications.replicate(ids.get(r.get("pilotKey")), null, unitId, organisationId, startYear, r.get("name"))
                        .initiative().id();
            }
            ids.put(r.get("key"), id);
            for (String registration : r.get("registrations").split("\\|")) {
                String[] parts = registration.split(":");
                registrations.register(id, Integer.parseInt(parts[0]), RegistrationStatus.valueOf(parts[1]), organisationId);
            }
            if (!r.get("indicators").isBlank()) {
                for (String indicator : r.get("indicators").split("\\|")) {
                    String[] parts = indicator.split(":");
                    registrations.measure(id, parts[0], parts[1], Integer.parseInt(parts[2]), new BigDecimal(parts[3]));
                }
            }
            // one long transaction: keep its persistence context small, or every query's auto-flush slows down
            entityManager.flush();
            entityManager.clear();
        }
        return ids;
    }

    private static Set<TargetGroup> groups(String text) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        if (!text.isBlank()) {
            Arrays.stream(text.split(";")).map(TargetGroup::valueOf).forEach(groups::add);
        }
        return groups;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
