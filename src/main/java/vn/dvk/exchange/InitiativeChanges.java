package vn.dvk.exchange;

import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.initiative.Holder;
import vn.dvk.initiative.InitiativeDraft;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.initiative.Kind;
import vn.dvk.initiative.TargetGroup;
import vn.dvk.shared.VietnameseText;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a row of an initiatives file changes in an initiative the registry holds, named for the preview. */
final class InitiativeChanges {

    private InitiativeChanges() {
    }

    /** The existing initiative with what the row changes; blank cells keep what is there. */
    static InitiativeDraft merge(InitiativeView existing, String name, Kind kind, Holder holder, String sector,
                                         AdminUnitView unit, String responsible, Integer startYear, String description,
                                         String method, String results, Set<TargetGroup> groups, boolean featured,
                                         List<String> changed) {
        String newName = differs(existing.name(), name, "tên", changed);
        Kind newKind = kind != existing.kind() ? note(kind, "loại", changed) : existing.kind();
        Holder newHolder = holder != existing.holder() ? note(holder, "tập thể/cá nhân", changed) : existing.holder();
        String newSector = !Objects.equals(sector, existing.sector()) ? note(sector, "lĩnh vực", changed) : existing.sector();
        Long unitId = !Objects.equals(unit.id(), existing.unitId()) ? note(unit.id(), "địa bàn", changed) : existing.unitId();
        String newResponsible = differs(existing.responsibleOfficer(), responsible, "người phụ trách", changed);
        Integer newStart = startYear != null && !startYear.equals(existing.startYear()) ? note(startYear, "năm bắt đầu", changed)
                : existing.startYear();
        String newDescription = differs(existing.description(), description, "mô tả", changed);
        String newMethod = differs(existing.method(), method, "cách làm", changed);
        String newResults = differs(existing.results(), results, "kết quả", changed);
        Set<TargetGroup> newGroups = existing.targetGroups() == null ? Set.of() : existing.targetGroups();
        if (!groups.isEmpty() && !groups.equals(newGroups)) {
            newGroups = note(groups, "vùng đồng bào", changed);
        }
        boolean newFeatured = featured && !existing.featured() ? note(true, "tiêu biểu", changed) : existing.featured();
        return new InitiativeDraft(existing.code(), newName, newKind, newHolder, newSector, null, unitId,
                existing.organisationId(), newResponsible, newStart, newDescription, newMethod, newResults, newGroups,
                newFeatured, existing.version());
    }

    private static String differs(String before, String typed, String label, List<String> changed) {
        if (typed == null || typed.isEmpty() || InitiativeImport.sameText(typed, VietnameseText.clean(before))) {
            return before;
        }
        changed.add(label);
        return typed;
    }

    private static <T> T note(T value, String label, List<String> changed) {
        changed.add(label);
        return value;
    }
}
