package care.tandem.ui.settings;

import care.tandem.AppContext;
import care.tandem.domain.billing.FqhcSetting;
import care.tandem.domain.billing.SameDayRule;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.user.Role;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FQHC same-day tab of Settings: both sources shown, the clinic's choice saved. */
class FqhcViewModelTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext app;
    private FqhcViewModel vm;

    @BeforeEach
    void open() {
        app = TestApp.signedIn(dir, MutableClock.at("2026-01-05T14:00:00Z"));
        vm = new FqhcViewModel(app.billing(), new SyncRunner(), dialogs, new Texts(Locale.ENGLISH));
        vm.load();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aNewClinicIsNotAnFqhcAndBothSourcesAreShownWithTheirMarks() {
        assertFalse(vm.fqhc().get());
        assertEquals(SameDayRule.UNDECIDED, vm.sameDayRule().get());
        assertEquals(3, vm.explanation().size());
        assertTrue(vm.explanation().get(0).startsWith("✅ DHCS managed-care contract"), vm.explanation().get(0));
        assertTrue(vm.explanation().get(1).startsWith("⚠️ SPA 23-0010"), vm.explanation().get(1));
        assertEquals("The clinic has not chosen which rule it follows: ask your plan.", vm.explanation().get(2));
        assertFalse(vm.hasUnsavedChanges());
    }

    @Test
    void theRulesAreOfferedWithTheirSourcesMarks() {
        assertEquals(List.of("Not chosen yet", "The managed-care contract's rule ✅", "SPA 23-0010 ⚠️"),
                List.of(SameDayRule.values()).stream().map(vm::ruleText).toList());
    }

    @Test
    void theChosenRuleIsExplainedBeforeSavingAndSavedThroughTheService() {
        vm.fqhc().set(true);
        vm.sameDayRule().set(SameDayRule.SPA_23_0010);
        assertEquals("The clinic follows SPA 23-0010.", vm.explanation().get(2));
        assertTrue(vm.hasUnsavedChanges());
        vm.save();

        assertEquals(new FqhcSetting(true, SameDayRule.SPA_23_0010), app.billing().fqhc());
        assertEquals("FQHC setting saved. Billing help follows it from now on.", vm.message().get());
        assertFalse(vm.hasUnsavedChanges());

        FqhcViewModel reopened = new FqhcViewModel(app.billing(), new SyncRunner(), dialogs,
                new Texts(Locale.ENGLISH));
        reopened.load();
        assertTrue(reopened.fqhc().get());
        assertEquals(SameDayRule.SPA_23_0010, reopened.sameDayRule().get());
    }

    @Test
    void anotherRoleIsRefused() {
        app.accounts().createUser("Dr. Carmen Ruiz", "carmen", Role.CLINICIAN, null,
                TestApp.PASSWORD.toCharArray());
        app.accounts().signOut();
        app.accounts().signIn("carmen", TestApp.PASSWORD.toCharArray());
        vm.fqhc().set(true);
        vm.save();

        assertEquals(1, dialogs.problems.size());
        assertEquals(Problem.NOT_ALLOWED, ((ProblemException) dialogs.problems.get(0)).problem());
        assertEquals(FqhcSetting.standard(), app.billing().fqhc());
        assertFalse(vm.busy().get());
    }

    @Test
    void everyRuleHasWordsInBothLanguages() {
        for (Locale locale : Texts.LANGUAGES) {
            FqhcViewModel words = new FqhcViewModel(app.billing(), new SyncRunner(), dialogs, new Texts(locale));
            for (SameDayRule r : SameDayRule.values()) {
                assertFalse(words.ruleText(r).startsWith("billing."), r + " in " + locale);
                words.sameDayRule().set(r);
                assertTrue(words.explanation().stream().noneMatch(line -> line.startsWith("billing.")),
                        r + " in " + locale);
            }
        }
    }
}
