package vn.dvk.initiative;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.stereotype.Component;
import vn.dvk.shared.VietnameseText;

import java.util.List;

/**
 * Finds the initiatives a new one likely repeats: those of the same unit whose name is very close to
 * its own, diacritics and case aside. A warning for the user to confirm, never a refusal.
 */
@Component
class DuplicateCheck {

    static final double DUPLICATE_SIMILARITY = 0.9;
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private final InitiativeRepository initiatives;
    private final InitiativeViews views;

    DuplicateCheck(InitiativeRepository initiatives, InitiativeViews views) {
        this.initiatives = initiatives;
        this.views = views;
    }

    List<InitiativeRow> possibleDuplicates(Long unitId, String name, Long excludeId) {
        String folded = VietnameseText.fold(name);
        List<Initiative> similar = initiatives.findByUnitId(unitId).stream()
                .filter(i -> !i.getId().equals(excludeId))
                .filter(i -> SIMILARITY.apply(VietnameseText.fold(i.getName()), folded) >= DUPLICATE_SIMILARITY)
                .toList();
        return views.label(similar.stream().map(views::row).toList());
    }
}
