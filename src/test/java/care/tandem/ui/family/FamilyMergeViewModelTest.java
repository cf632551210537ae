package care.tandem.ui.family;

import care.tandem.testing.TestApp;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Relationship;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FamilyMergeViewModelTest {
    @TempDir
    Path dir;
    FamilyFixture fx;
    FakeDialogs dialogs = new FakeDialogs();
    List<Family> merged = new ArrayList<>();
    Family withChild;
    Family withFather;

    @BeforeEach
    void open() {
        fx = new FamilyFixture(dir);
        LocalDate born = LocalDate.now().minusMonths(9);
        withChild = fx.saved(TestApp.child("Sofía", "García", born),
                FamilyFixture.caregiver("María", "García", Relationship.MOTHER));
        withFather = fx.saved(TestApp.child("Sofía", "García", born),
                FamilyFixture.caregiver("José", "García", Relationship.FATHER));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private FamilyMergeViewModel merge(Family current) {
        FamilyMergeViewModel model = new FamilyMergeViewModel(fx.app.families(), new SyncRunner(), dialogs,
                fx.format, current);
        model.setOnMerged(merged::add);
        return model;
    }

    @Test
    void the_search_leaves_out_the_family_being_merged() {
        FamilyMergeViewModel model = merge(withChild);
        model.search().queryProperty().set("garcia");
        model.search().search();
        assertEquals(List.of(withFather.id()), model.search().results().stream().map(Family::id).toList());
    }

    @Test
    void merging_after_confirmation_keeps_one_family_with_everyone() {
        FamilyMergeViewModel model = merge(withChild);
        assertFalse(model.canMergeProperty().get());
        model.choose(withFather);
        assertTrue(model.canMergeProperty().get());
        assertEquals(withChild.id(), model.kept().get().id());

        model.merge();

        assertEquals(List.of("family.merge.confirm.message"), dialogs.questions);
        assertEquals(1, merged.size());
        Family kept = merged.get(0);
        assertEquals(withChild.id(), kept.id());
        assertEquals(1, kept.children().size());
        assertEquals(List.of("María", "José"), kept.caregivers().stream().map(c -> c.givenName()).toList());
        assertEquals(1, fx.app.families().count());
    }

    @Test
    void swapping_keeps_the_other_record() {
        FamilyMergeViewModel model = merge(withChild);
        model.choose(withFather);
        model.swap();
        model.merge();
        assertEquals(withFather.id(), merged.get(0).id());
    }

    @Test
    void answering_no_merges_nothing() {
        dialogs.answer = false;
        FamilyMergeViewModel model = merge(withChild);
        model.choose(withFather);
        model.merge();
        assertTrue(merged.isEmpty());
        assertEquals(2, fx.app.families().count());
    }
}
