package care.tandem.ui.settings;

import care.tandem.AppContext;
import care.tandem.domain.note.NoteTemplate;
import care.tandem.domain.note.SectionFill;
import care.tandem.domain.note.TemplateSection;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.user.Role;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import care.tandem.ui.settings.NoteTemplatesViewModel.SectionDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The note templates tab of Settings: an administrator edits, adds, retires and restores templates. */
class NoteTemplatesViewModelTest {
    private static final String DYADIC = "Dyadic behavioural-health note";
    private static final String CHECK_IN = "Well-child dyadic check-in";

    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext app;
    private NoteTemplatesViewModel vm;

    @BeforeEach
    void open() {
        app = TestApp.signedIn(dir, MutableClock.at("2026-01-05T14:00:00Z"));
        vm = viewModel(Locale.ENGLISH);
        vm.load();
    }

    private NoteTemplatesViewModel viewModel(Locale locale) {
        return new NoteTemplatesViewModel(app.notes(), new SyncRunner(), dialogs, new Texts(locale));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private NoteTemplate stored(String name) {
        return app.notes().templates(true).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> keys() {
        return vm.sections().stream().map(d -> d.key().get()).toList();
    }

    private void choose(String key) {
        vm.selectedSection().set(vm.sections().stream().filter(d -> d.key().get().equals(key)).findFirst()
                .orElseThrow());
    }

    @Test
    void theSeededTemplatesAreListedAndTheFirstIsShownWithItsSectionsInOrder() {
        assertEquals(List.of(DYADIC, CHECK_IN), vm.templates().stream().map(vm::templateText).toList());
        assertEquals(DYADIC, vm.name().get());
        assertTrue(vm.kind(VisitKind.DYADIC_BEHAVIOURAL_HEALTH).get());
        assertFalse(vm.kind(VisitKind.WELL_CHILD_DYADIC).get());
        assertEquals(List.of("child", "caregiver", "relationship", "results", "assessment", "interventions", "plan",
                "follow-up"), keys());
        assertEquals("child", vm.selectedSection().get().key().get());
        assertEquals("Screening results and referrals  (results)  ·  results and referrals written in",
                vm.sectionText(vm.sections().get(3)));
        assertEquals("In use: offered for new notes.", vm.statusText());
        assertFalse(vm.hasUnsavedChanges());
    }

    @Test
    void anEditedTemplateIsSavedThroughTheServiceWithItsSectionsInTheNewOrder() {
        long revision = stored(DYADIC).revision();
        vm.name().set("  Dyadic note (clinic version) ");
        vm.kind(VisitKind.TELEHEALTH).set(false);
        vm.kind(VisitKind.WELL_CHILD_DYADIC).set(true);
        choose("plan");
        vm.moveUp();
        vm.moveUp();
        choose("caregiver");
        vm.selectedSection().get().heading().set("Caregiver and family");
        vm.selectedSection().get().prompt().set("Who came, and how they are.");
        choose("relationship");
        vm.removeSection();
        assertEquals("results", vm.selectedSection().get().key().get(), "the next section is chosen");
        choose("follow-up");
        vm.addSection();
        SectionDraft added = vm.selectedSection().get();
        assertEquals("section-8", added.key().get());
        added.heading().set("Time spent");
        added.fill().set(SectionFill.NONE);
        assertTrue(vm.hasUnsavedChanges());
        vm.save();

        NoteTemplate saved = stored("Dyadic note (clinic version)");
        assertEquals(Set.of(VisitKind.DYADIC_BEHAVIOURAL_HEALTH, VisitKind.FOLLOW_UP, VisitKind.WELL_CHILD_DYADIC),
                saved.kinds());
        assertEquals(List.of("child", "caregiver", "results", "plan", "assessment", "interventions", "follow-up",
                "section-8"), saved.sections().stream().map(TemplateSection::key).toList());
        assertEquals(new TemplateSection("caregiver", "Caregiver and family", "Who came, and how they are.",
                SectionFill.NONE), saved.sections().get(1));
        assertEquals("dyadic-behavioural-health", saved.seedKey(), "an edited seeded template stays the seeded one");
        assertEquals(revision + 1, saved.revision());
        assertEquals("Template saved. New notes use it from now on.", vm.message().get());
        assertFalse(vm.messageIsProblem().get());
        assertEquals(saved, vm.editing().get());
        assertFalse(vm.hasUnsavedChanges());
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void sectionsMoveUpAndDownWithinTheirEnds() {
        vm.moveUp();
        assertEquals("child", keys().get(0), "the first cannot go higher");
        vm.moveDown();
        assertEquals(List.of("caregiver", "child"), keys().subList(0, 2));
        assertEquals("child", vm.selectedSection().get().key().get(), "the moved section stays chosen");
        choose("follow-up");
        vm.moveDown();
        assertEquals("follow-up", keys().get(keys().size() - 1), "the last cannot go lower");
    }

    @Test
    void aNewTemplateIsAddedWithTheSectionsWrittenForIt() {
        assertTrue(vm.newTemplate());
        assertTrue(vm.isNew().get());
        assertEquals("New template: not saved yet.", vm.statusText());
        vm.name().set("Home visit note");
        vm.kind(VisitKind.FOLLOW_UP).set(true);
        vm.addSection();
        vm.selectedSection().get().heading().set("Home and family");
        vm.addSection();
        vm.selectedSection().get().key().set("follow-up-plan");
        vm.selectedSection().get().heading().set("Plan");
        vm.selectedSection().get().fill().set(SectionFill.INTERVENTIONS);
        vm.save();

        NoteTemplate saved = stored("Home visit note");
        assertEquals(List.of(new TemplateSection("section-1", "Home and family", "", SectionFill.NONE),
                new TemplateSection("follow-up-plan", "Plan", "", SectionFill.INTERVENTIONS)), saved.sections());
        assertEquals(null, saved.seedKey());
        assertTrue(saved.active());
        assertFalse(vm.isNew().get());
        assertEquals(List.of(DYADIC, "Home visit note", CHECK_IN), vm.templates().stream().map(NoteTemplate::name)
                .toList());
    }

    @Test
    void aTemplateWithoutANameOrSectionsSaysWhyAndNothingIsSaved() {
        vm.newTemplate();
        vm.save();
        assertEquals("Give the template a name. Nothing was saved.", vm.message().get());
        assertTrue(vm.messageIsProblem().get());

        vm.name().set("Empty");
        vm.save();
        assertEquals("A template needs at least one section. Nothing was saved.", vm.message().get());
        assertEquals(2, app.notes().templates(true).size());
    }

    @Test
    void aRepeatedKeyIsRefusedAndTheSectionWithItIsChosen() {
        List<SectionDraft> before = new ArrayList<>(vm.sections());
        before.get(5).key().set("plan");
        vm.selectedSection().set(before.get(0));
        vm.save();

        assertEquals("Each section needs a heading, and a key no other section of this template has. Check the "
                + "section with the key \"plan\". Nothing was saved.", vm.message().get());
        assertSame(before.get(6), vm.selectedSection().get(), "the second section with the key is the one to fix");
        assertEquals("interventions", stored(DYADIC).sections().get(5).key());
    }

    @Test
    void aSectionWithoutAHeadingOrKeyIsRefused() {
        vm.addSection();
        vm.save();
        assertTrue(vm.message().get().contains("\"section-9\""), vm.message().get());

        vm.selectedSection().get().heading().set("Heading");
        vm.selectedSection().get().key().set("  ");
        vm.save();
        assertEquals("Each section needs a key. Write one for the section chosen. Nothing was saved.",
                vm.message().get());
        assertEquals(8, stored(DYADIC).sections().size());
    }

    @Test
    void aRetiredTemplateIsMarkedAndNotOfferedUntilRestored() {
        vm.retire();

        assertEquals("Template retired. It is no longer offered for new notes.", vm.message().get());
        assertEquals(List.of(CHECK_IN), app.notes().templates(false).stream().map(NoteTemplate::name).toList());
        assertEquals("Dyadic behavioural-health note (retired)", vm.templateText(vm.templates().get(0)));
        assertTrue(vm.statusText().startsWith("Retired: not offered for new notes."));

        vm.restore();
        assertEquals("Template restored. It is offered for new notes again.", vm.message().get());
        assertEquals(2, app.notes().templates(false).size());
    }

    @Test
    void theLastTemplateInUseCannotBeRetired() {
        vm.retire();
        assertTrue(vm.edit(vm.templates().get(1)));
        vm.retire();

        assertEquals("This is the only template in use, so it cannot be retired: clinicians could not start a note. "
                + "Add or restore another template first.", vm.message().get());
        assertTrue(vm.messageIsProblem().get());
        assertEquals(List.of(CHECK_IN), app.notes().templates(false).stream().map(NoteTemplate::name).toList());
    }

    @Test
    void aTemplateSavedElsewhereMeanwhileIsShownAndTheEditIsNotSaved() {
        NoteTemplate elsewhere = stored(DYADIC);
        app.notes().saveTemplate(new NoteTemplate(elsewhere.id(), "Renamed on the other laptop", elsewhere.kinds(),
                elsewhere.sections(), elsewhere.seedKey(), true, elsewhere.revision()));
        vm.name().set("My rename");
        vm.save();

        assertEquals("This template was saved elsewhere (in another window or on another laptop) since you opened "
                + "it, so your changes were not saved. It now shows the saved version: make your changes again.",
                vm.message().get());
        assertTrue(vm.messageIsProblem().get());
        assertEquals("Renamed on the other laptop", vm.name().get());
        assertEquals("Renamed on the other laptop", app.notes().templates(true).get(0).name());
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void anotherRoleIsRefusedInWords() {
        app.accounts().createUser("Dr. Carmen Ruiz", "carmen", Role.CLINICIAN, null,
                TestApp.PASSWORD.toCharArray());
        app.accounts().signOut();
        app.accounts().signIn("carmen", TestApp.PASSWORD.toCharArray());
        vm.name().set("Changed by a clinician");
        vm.save();

        assertEquals("Your role does not allow this. Ask your clinic's administrator.", vm.message().get());
        assertEquals(DYADIC, stored(DYADIC).name());
    }

    @Test
    void leavingATemplateWithUnsavedChangesAsksAndNoKeepsThem() {
        vm.name().set("Half typed");
        dialogs.answer = false;

        assertFalse(vm.edit(vm.templates().get(1)));
        assertFalse(vm.newTemplate());
        assertEquals(List.of("settings.templates.discard.message", "settings.templates.discard.message"),
                dialogs.questions);
        assertEquals("Half typed", vm.name().get());

        dialogs.answer = true;
        assertTrue(vm.edit(vm.templates().get(1)));
        assertEquals(CHECK_IN, vm.name().get());
    }

    @Test
    void everyFillAndKindHasWordsInBothLanguages() {
        for (Locale locale : Texts.LANGUAGES) {
            NoteTemplatesViewModel words = viewModel(locale);
            for (SectionFill f : SectionFill.values()) {
                assertFalse(words.fillText(f).startsWith("settings."), f + " in " + locale);
            }
            for (VisitKind k : VisitKind.values()) {
                assertFalse(words.kindText(k).startsWith("visits."), k + " in " + locale);
            }
            for (SectionFill f : List.of(SectionFill.RESULTS, SectionFill.INTERVENTIONS)) {
                SectionDraft d = vm.sections().get(0);
                d.fill().set(f);
                assertFalse(words.sectionText(d).contains("settings."), f + " in " + locale);
            }
        }
        assertNotEquals(viewModel(Locale.ENGLISH).fillText(SectionFill.NONE),
                viewModel(new Locale("es")).fillText(SectionFill.NONE));
    }
}
