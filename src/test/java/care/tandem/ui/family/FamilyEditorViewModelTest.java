package care.tandem.ui.family;

import care.tandem.testing.TestApp;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.FamilyValidation;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.ValidationProblem;
import care.tandem.domain.family.ValidationProblem.Field;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FamilyEditorViewModelTest {
    @TempDir
    Path dir;
    FamilyFixture fx;
    FakeDialogs dialogs = new FakeDialogs();
    FakePrompts prompts = new FakePrompts();
    List<Family> saved = new ArrayList<>();
    List<Family> openedInstead = new ArrayList<>();

    @BeforeEach
    void open() {
        fx = new FamilyFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private FamilyEditorViewModel editor(Family family) {
        return editor(family, new SyncRunner());
    }

    private FamilyEditorViewModel editor(Family family, BackgroundRunner runner) {
        FamilyEditorViewModel editor = new FamilyEditorViewModel(fx.app.families(), runner, dialogs, prompts,
                fx.format, family);
        editor.setOnSaved(saved::add);
        editor.setOnOpenExisting(openedInstead::add);
        return editor;
    }

    private static void fill(FamilyEditorViewModel editor, String childGiven, String familyName, String born,
                             String caregiverGiven) {
        MemberForm child = editor.children().get(0);
        child.givenNameProperty().set(childGiven);
        child.familyNameProperty().set(familyName);
        child.birthDateTextProperty().set(born);
        MemberForm caregiver = editor.caregivers().get(0);
        caregiver.givenNameProperty().set(caregiverGiven);
        caregiver.familyNameProperty().set(familyName);
    }

    private static String us(LocalDate date) {
        return DateInput.format(date);
    }

    @Test
    void a_new_family_with_missing_names_is_not_saved_and_says_which_fields_need_attention() {
        FamilyEditorViewModel editor = editor(Family.newDraft());
        editor.children().get(0).birthDateTextProperty().set(us(LocalDate.now().minusMonths(2)));

        editor.save();

        assertTrue(saved.isEmpty());
        assertEquals(0, fx.app.families().count());
        assertTrue(editor.showAllProblemsProperty().get());
        assertEquals(4, editor.problems().stream().filter(p -> p.messageKey().equals(FamilyValidation.NAME_REQUIRED))
                .count());
        assertEquals("Some fields need attention before saving (4). They are marked in red.",
                editor.formMessageProperty().get());
        assertTrue(dialogs.problems.isEmpty());
    }

    @Test
    void a_date_of_birth_that_cannot_be_read_is_flagged_and_kept_as_typed() {
        FamilyEditorViewModel editor = editor(Family.newDraft());
        fill(editor, "Sofía", "García", "13/45/2024", "María");
        MemberForm child = editor.children().get(0);

        editor.save();

        assertTrue(saved.isEmpty());
        assertEquals("13/45/2024", child.birthDateTextProperty().get());
        ValidationProblem problem = editor.check(child, Field.BIRTH_DATE).orElseThrow();
        assertTrue(problem.isError());
        assertEquals(MemberForm.BIRTH_DATE_UNREADABLE, problem.messageKey());
        assertTrue(editor.problems().contains(problem));
    }

    @Test
    void a_complete_new_family_is_saved_and_handed_back_as_stored() {
        FamilyEditorViewModel editor = editor(Family.newDraft());
        fill(editor, "Sofía", "García López", us(LocalDate.now().minusMonths(4)), "María José");
        editor.caregivers().get(0).phoneProperty().set("(555) 123-4567");
        editor.caregivers().get(0).okToCallProperty().set(true);
        assertTrue(editor.dirtyProperty().get());

        editor.save();

        assertEquals(1, saved.size());
        Family stored = saved.get(0);
        assertNotNull(stored.stamp());
        assertEquals("María José", stored.caregivers().get(0).givenName());
        assertEquals(Relationship.MOTHER, stored.caregivers().get(0).relationship());
        assertTrue(stored.caregivers().get(0).contact().okToCall());
        assertEquals(LocalDate.now().minusMonths(4), stored.children().get(0).birthDate());
        assertEquals(1, fx.app.families().count());
        assertFalse(editor.dirtyProperty().get());
        assertTrue(prompts.shown.isEmpty());
    }

    @Test
    void a_child_21_or_older_is_a_warning_that_does_not_block_saving() {
        FamilyEditorViewModel editor = editor(Family.newDraft());
        fill(editor, "Ana", "Ruiz", us(LocalDate.now().minusYears(22)), "Rosa");

        editor.save();

        assertEquals(1, saved.size());
        ValidationProblem warning = editor.check(editor.children().get(0), Field.BIRTH_DATE).orElseThrow();
        assertFalse(warning.isError());
        assertEquals(FamilyValidation.CHILD_OVER_21, warning.messageKey());
    }

    @Test
    void a_possible_duplicate_is_shown_before_saving_and_going_back_saves_nothing() {
        LocalDate born = LocalDate.now().minusMonths(6);
        Family existing = fx.saved(TestApp.child("Sofía", "García López", born),
                FamilyFixture.caregiver("María", "García López", Relationship.MOTHER));
        FamilyEditorViewModel editor = editor(Family.newDraft());
        fill(editor, "Sofia", "Garcia", us(born), "Maria");
        prompts.choice = FamilyPrompts.DuplicateChoice.GO_BACK;

        editor.save();

        assertEquals(1, prompts.shown.size());
        assertEquals(existing.id(), prompts.shown.get(0).get(0).id());
        assertTrue(saved.isEmpty());
        assertEquals(1, fx.app.families().count());
        assertFalse(editor.savingProperty().get());
        assertEquals("Sofia", editor.children().get(0).givenNameProperty().get());
    }

    @Test
    void choosing_open_existing_opens_the_registered_family_instead() {
        LocalDate born = LocalDate.now().minusMonths(6);
        Family existing = fx.saved(TestApp.child("Sofía", "García", born),
                FamilyFixture.caregiver("María", "García", Relationship.MOTHER));
        FamilyEditorViewModel editor = editor(Family.newDraft());
        fill(editor, "Sofía", "García", us(born), "María");
        prompts.choice = FamilyPrompts.DuplicateChoice.OPEN_EXISTING;

        editor.save();

        assertEquals(List.of(existing.id()), openedInstead.stream().map(Family::id).toList());
        assertTrue(saved.isEmpty());
        assertEquals(1, fx.app.families().count());
    }

    @Test
    void choosing_save_as_new_saves_a_second_family() {
        LocalDate born = LocalDate.now().minusMonths(6);
        fx.saved(TestApp.child("Sofía", "García", born),
                FamilyFixture.caregiver("María", "García", Relationship.MOTHER));
        FamilyEditorViewModel editor = editor(Family.newDraft());
        fill(editor, "Sofía", "García", us(born), "María");
        prompts.choice = FamilyPrompts.DuplicateChoice.SAVE_AS_NEW;

        editor.save();

        assertEquals(1, saved.size());
        assertEquals(2, fx.app.families().count());
    }

    @Test
    void a_save_refused_because_someone_else_saved_first_shows_why_and_keeps_what_was_typed() {
        Family stored = fx.saved(TestApp.child("Sofía", "García", LocalDate.now().minusMonths(6)),
                FamilyFixture.caregiver("María", "García", Relationship.MOTHER));
        FamilyEditorViewModel editor = editor(stored);
        fx.app.families().save(new Family(stored.id(), stored.members(), false, "", "changed elsewhere", false,
                stored.stamp()));
        editor.notesProperty().set("typed here");

        editor.save();

        assertTrue(saved.isEmpty());
        assertEquals(1, dialogs.problems.size());
        assertEquals(Problem.RECORD_CHANGED_ELSEWHERE, ((ProblemException) dialogs.problems.get(0)).problem());
        assertTrue(editor.formMessageProperty().get().startsWith("Someone else saved this family"));
        assertEquals("typed here", editor.notesProperty().get());
        assertTrue(editor.dirtyProperty().get());
    }

    @Test
    void the_last_child_and_the_last_caregiver_cannot_be_removed() {
        FamilyEditorViewModel editor = editor(Family.newDraft());
        assertFalse(editor.remove(editor.children().get(0)));
        assertFalse(editor.remove(editor.caregivers().get(0)));
        MemberForm second = editor.addCaregiver();
        assertEquals(2, editor.caregivers().size());
        assertTrue(editor.remove(second));
        assertEquals(1, editor.caregivers().size());
    }

    @Test
    void closing_asks_only_when_something_was_changed() {
        FamilyEditorViewModel editor = editor(Family.newDraft());
        assertTrue(editor.mayClose());
        assertTrue(dialogs.questions.isEmpty());

        editor.children().get(0).givenNameProperty().set("Sofía");
        dialogs.answer = false;
        assertFalse(editor.mayClose());
        assertEquals(List.of("family.edit.discard.message"), dialogs.questions);
    }

    @Test
    void an_unreadable_date_alone_counts_as_a_change() {
        FamilyEditorViewModel editor = editor(Family.newDraft());
        editor.children().get(0).birthDateTextProperty().set("abc");
        assertTrue(editor.dirtyProperty().get());
    }

    private Family storedNguyen() {
        return fx.saved(TestApp.child("Liam", "Nguyen", LocalDate.now().minusYears(2)),
                FamilyFixture.caregiver("Anh", "Nguyen", Relationship.FATHER));
    }

    @Test
    void the_form_is_saving_from_save_until_the_write_answers() {
        DeferredRunner runner = DeferredRunner.holdingWrites();
        FamilyEditorViewModel editor = editor(storedNguyen(), runner);
        editor.notesProperty().set("moved in March");

        editor.save();

        assertTrue(editor.savingProperty().get());
        assertEquals(1, runner.pendingWrites());
        assertTrue(saved.isEmpty());

        runner.completeWrite(0);

        assertFalse(editor.savingProperty().get());
        assertEquals("moved in March", saved.get(0).notes());
        assertFalse(editor.dirtyProperty().get());
    }

    @Test
    void a_new_family_is_saving_while_possible_duplicates_are_looked_up() {
        DeferredRunner runner = DeferredRunner.holdingWrites();
        FamilyEditorViewModel editor = editor(Family.newDraft(), runner);
        fill(editor, "Sofía", "García", us(LocalDate.now().minusMonths(4)), "María");

        editor.save();
        assertTrue(editor.savingProperty().get());
        runner.completeRead(0);
        assertTrue(editor.savingProperty().get());
        runner.completeWrite(0);

        assertFalse(editor.savingProperty().get());
        assertEquals(1, saved.size());
    }

    @Test
    void a_change_made_while_the_save_was_under_way_is_not_taken_as_saved() {
        DeferredRunner runner = DeferredRunner.holdingWrites();
        FamilyEditorViewModel editor = editor(storedNguyen(), runner);
        editor.notesProperty().set("saved text");
        editor.save();

        editor.notesProperty().set("saved text and more");
        runner.completeWrite(0);

        assertEquals("saved text", saved.get(0).notes());
        assertTrue(editor.dirtyProperty().get());
    }

    @Test
    void a_save_that_fails_after_waiting_ends_saving_and_keeps_everything_typed() {
        Family stored = storedNguyen();
        DeferredRunner runner = DeferredRunner.holdingWrites();
        FamilyEditorViewModel editor = editor(stored, runner);
        editor.notesProperty().set("typed here");
        editor.caregivers().get(0).phoneProperty().set("(555) 987-6543");
        editor.save();
        assertTrue(editor.savingProperty().get());
        fx.app.families().save(new Family(stored.id(), stored.members(), false, "", "changed elsewhere", false,
                stored.stamp()));

        runner.completeWrite(0);

        assertFalse(editor.savingProperty().get());
        assertTrue(saved.isEmpty());
        assertEquals(1, dialogs.problems.size());
        assertEquals("typed here", editor.notesProperty().get());
        assertEquals("(555) 987-6543", editor.caregivers().get(0).phoneProperty().get());
        assertTrue(editor.dirtyProperty().get());
    }

    @Test
    void a_removed_member_has_no_problems_to_show() {
        FamilyEditorViewModel editor = editor(Family.newDraft());
        MemberForm second = editor.addCaregiver();
        assertTrue(editor.check(second, Field.GIVEN_NAME).isPresent());

        assertTrue(editor.remove(second));

        for (Field field : Field.values()) {
            assertTrue(editor.check(second, field).isEmpty(), field::name);
        }
        assertTrue(editor.checkAll().stream().noneMatch(p -> second.id().equals(p.memberId())));
    }
}
