package vn.dvk.shared;

import org.junit.jupiter.api.Test;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.ScopedUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user's scope covers, and which unit filters can find anything in it. */
class DataScopeTests {

    record Unit(Long id, String path, String placedPath) implements ScopedUnit {
    }

    // province 68 > commune 900 (today); province 15 far away; old district 674 placed under province 68
    private final Unit province = new Unit(68L, "/", null);
    private final Unit commune = new Unit(900L, "/68/", null);
    private final Unit neighbour = new Unit(901L, "/68/", null);
    private final Unit farAway = new Unit(15L, "/", null);
    private final Unit oldCommune = new Unit(24886L, "/67/674/", "/68/900/");

    @Test
    void aCommunesScopeCoversItselfAndWhatWasMergedIntoItButNotItsProvince() {
        DataScope scope = DataScope.of(900L, "/68/900/");
        assertThat(scope.covers(commune)).isTrue();
        assertThat(scope.covers(oldCommune)).isTrue();
        assertThat(scope.covers(province)).isFalse();
        assertThat(scope.covers(neighbour)).isFalse();
        assertThat(DataScope.NONE.covers(commune)).as("no scope covers nothing").isFalse();
        assertThat(DataScope.NONE.coversSubtree("/68/")).isFalse();
    }

    @Test
    void aFilterOverlapsTheScopeWhenTheUnitLiesInItOrAboveIt() {
        DataScope scope = DataScope.of(900L, "/68/900/");
        assertThat(scope.overlaps(commune)).isTrue();
        assertThat(scope.overlaps(oldCommune)).isTrue();
        assertThat(scope.overlaps(province)).as("its own province: its own part").isTrue();
        assertThat(scope.overlaps(neighbour)).isFalse();
        assertThat(scope.overlaps(farAway)).isFalse();
        assertThat(scope.overlaps(null)).isFalse();
        assertThat(DataScope.NATIONAL.overlaps(farAway)).isTrue();
        assertThat(DataScope.NONE.overlaps(province)).isFalse();
    }

    @Test
    void theSqlOfAUnitAndEverythingUnderItIsOneHelperAndTheConstantsSpellItOut() {
        assertThat(DataScope.subtree("u", ":scopeId", ":scopePrefix")).isEqualTo(DataScope.SQL);
        assertThat(DataScope.subtreeByPath("u", ":unitId", ":unitPrefix")).isEqualTo(DataScope.SUBTREE_BY_PATH);
        assertThat(DataScope.inScope("u", "?", "?", "?"))
                .isEqualTo("(? = true or u.id = ? or u.path like ? or u.placed_path like ?)");
        assertThat(DataScope.of(900L, "/68/900/").provinceId()).isEqualTo(68L);
        assertThat(DataScope.NATIONAL.provinceId()).as("the whole country has no province").isNull();
        assertThat(DataScope.NONE.provinceId()).isNull();
    }
}
