package vn.dvk.adminunit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Defines units one by one with their validity and successors (the demo data, a village added by
 * a commune). Existing versions with the same code, level and start are reused, so defining the
 * same units twice changes nothing.
 */
@Service
public class AdminUnitRegistry {

    /** One unit version; parent and successors refer to other definitions' keys. */
    public record Definition(String key, String code, AdminUnitLevel level, String fullName, String parentKey,
                             LocalDate validFrom, LocalDate validTo, List<String> successorKeys) {
    }

    private final AdminUnitRepository units;
    private final SuccessorLinkRepository links;
    private final UnitPlacement placement;

    AdminUnitRegistry(AdminUnitRepository units, SuccessorLinkRepository links, UnitPlacement placement) {
        this.units = units;
        this.links = links;
        this.placement = placement;
    }

    /** Defines the units (parents before children) and answers their ids by key. */
    @Transactional
    public Map<String, Long> defineAll(List<Definition> definitions) {
        Permissions.require(Role.ADMIN);
        UnitBook book = UnitBook.load(units, links);
        Map<String, AdminUnit> byKey = new HashMap<>();
        for (Definition d : definitions) {
            AdminUnit parent = d.parentKey() == null || d.parentKey().isBlank() ? null : byKey.get(d.parentKey());
            if (d.parentKey() != null && !d.parentKey().isBlank() && parent == null) {
                throw DomainException.invalid("adminUnit.unknownParent", d.parentKey());
            }
            AdminUnitType.Parsed parsed = AdminUnitType.parse(d.level(), d.fullName())
                    .orElseThrow(() -> DomainException.invalid("import.units.unknownType", d.fullName()));
            String code = d.code() == null || d.code().isBlank() ? villageCode(book, parent, parsed) : d.code();
            Optional<AdminUnit> existing = book.versionsOf(d.level(), code).stream()
                    .filter(u -> Objects.equals(u.getValidFrom(), d.validFrom()) && u.hasParent(parent)).findFirst();
            byKey.put(d.key(), existing.orElseGet(() ->
                    book.create(parsed.type(), code, parsed.name(), parent, d.validFrom(), d.validTo())));
        }
        for (Definition d : definitions) {
            for (String successor : d.successorKeys()) {
                boolean partial = successor.startsWith("~");
                AdminUnit target = byKey.get(partial ? successor.substring(1) : successor);
                if (target == null) {
                    throw DomainException.invalid("adminUnit.unknownSuccessor", successor);
                }
                book.link(byKey.get(d.key()), target, partial, null);
            }
        }
        units.flush();
        links.flush();
        placement.recompute();
        Map<String, Long> ids = new HashMap<>();
        byKey.forEach((k, u) -> ids.put(k, u.getId()));
        return ids;
    }

    /** Villages have no national code: the commune's code and a number ("24886.003"); the same name keeps its number. */
    private static String villageCode(UnitBook book, AdminUnit commune, AdminUnitType.Parsed parsed) {
        if (commune == null) {
            throw DomainException.invalid("adminUnit.villageNeedsCommune", parsed.fullName());
        }
        List<AdminUnit> siblings = book.childrenOf(commune);
        return siblings.stream()
                .filter(s -> s.getLevel() == AdminUnitLevel.VILLAGE && !s.isNamedOtherThan(parsed.type(), parsed.name()))
                .map(AdminUnit::getCode).findFirst()
                .orElseGet(() -> "%s.%03d".formatted(commune.getCode(), siblings.size() + 1));
    }
}
