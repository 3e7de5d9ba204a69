package vn.dvk;

import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeRow;
import vn.dvk.shared.security.SystemActor;

import java.util.List;

/** Removes what a test imported: every initiative the search finds for the test's mark, page after page. */
public final class ImportedInitiatives {

    private ImportedInitiatives() {
    }

    /** {@code text} as the search takes it (folded, "kiem thu nhap"). */
    public static void remove(InitiativeRegistry registry, String text) {
        SystemActor.run(() -> {
            List<Long> ids;
            do {
                ids = registry.search(new InitiativeQuery(null, null, null, null, null, null, null, null, null, text), 0, 500)
                        .getContent().stream().map(InitiativeRow::id).toList();
                ids.forEach(registry::delete);
            } while (!ids.isEmpty());
        });
    }
}
