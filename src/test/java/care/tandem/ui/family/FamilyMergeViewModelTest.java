package care.tandem.ui.family;

import care.tandem.testing.TestApp;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Relationship;
import care.tandem.ui.common.BackgroundRunner;
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
import static org.junit.jupiter.api.Assertions.assertNull;
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
        return merge(current, new SyncRunner());
    }

    private FamilyMergeViewModel merge(Family current, BackgroundRunner runner) {
        FamilyMergeViewModel model = new FamilyMergeViewModel(fx.app.families(), runner, dialogs, fx.format, current);
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
        assertTrue(model.keepCurrentProperty().get());

        model.merge();

        assertEquals(List.of("family.merge.confirm.rightIntoLeft"), dialogs.questions);
        assertEquals(1, merged.size());
        Family kept = merged.get(0);
        assertEquals(withChild.id(), kept.id());
        assertEquals(1, kept.children().size());
        assertEquals(List.of("María", "José"), kept.caregivers().stream().map(c -> c.givenName()).toList());
        assertEquals(1, fx.app.families().count());
    }

    @Test
    void keeping_the_other_record_merges_the_current_one_into_it() {
        FamilyMergeViewModel model = merge(withChild);
        model.choose(withFather);
        model.keepCurrentProperty().set(false);
        model.merge();
        assertEquals(List.of("family.merge.confirm.leftIntoRight"), dialogs.questions);
        assertEquals(withFather.id(), merged.get(0).id());
    }

    @Test
    void the_question_tells_two_records_with_one_surname_apart_by_their_side_of_the_window() {
        assertEquals(fx.format.surname(withChild), fx.format.surname(withFather));
        String rightIntoLeft = fx.texts.get("family.merge.confirm.rightIntoLeft");
        String leftIntoRight = fx.texts.get("family.merge.confirm.leftIntoRight");
        assertTrue(rightIntoLeft.startsWith("Merge the record on the right into the record on the left?"),
                rightIntoLeft);
        assertTrue(leftIntoRight.startsWith("Merge the record on the left into the record on the right?"),
                leftIntoRight);
        assertFalse(rightIntoLeft.contains("García") || leftIntoRight.contains("García"));
    }

    @Test
    void a_record_picked_earlier_that_opens_late_is_neither_shown_nor_merged() {
        Family withGrandmother = fx.saved(TestApp.child("Sofía", "García", LocalDate.now().minusMonths(9)),
                FamilyFixture.caregiver("Rosa", "García", Relationship.GRANDPARENT));
        DeferredRunner runner = DeferredRunner.holdingWrites();
        FamilyMergeViewModel model = merge(withChild, runner);

        model.choose(withFather);
        model.choose(withGrandmother);
        assertNull(model.otherProperty().get());
        runner.completeWrite(0);

        assertNull(model.otherProperty().get());
        assertFalse(model.canMergeProperty().get());
        model.merge();
        assertTrue(dialogs.questions.isEmpty());
        assertEquals(1, runner.pendingWrites(), "nothing but the latest pick's opening is queued");

        runner.completeWrite(0);
        assertEquals(withGrandmother.id(), model.otherProperty().get().id());
        assertTrue(model.canMergeProperty().get());
        model.merge();
        runner.completeWrite(0);

        assertEquals(1, merged.size());
        assertEquals(withChild.id(), merged.get(0).id());
        assertEquals(List.of("María", "Rosa"), merged.get(0).caregivers().stream().map(c -> c.givenName()).toList());
        assertEquals(2, fx.app.families().count());
    }

    @Test
    void picking_another_record_turns_merge_off_until_it_is_open() {
        DeferredRunner runner = DeferredRunner.holdingWrites();
        FamilyMergeViewModel model = merge(withChild, runner);
        model.choose(withFather);
        runner.completeWrite(0);
        assertTrue(model.canMergeProperty().get());

        Family withGrandmother = fx.saved(TestApp.child("Sofía", "García", LocalDate.now().minusMonths(9)),
                FamilyFixture.caregiver("Rosa", "García", Relationship.GRANDPARENT));
        model.choose(withGrandmother);

        assertNull(model.otherProperty().get());
        assertFalse(model.canMergeProperty().get());
        runner.completeWrite(0);
        assertEquals(withGrandmother.id(), model.otherProperty().get().id());
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
