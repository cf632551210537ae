package care.tandem.ui.settings;

import care.tandem.AppContext;
import care.tandem.domain.billing.BillingCode;
import care.tandem.domain.billing.CodeSystem;
import care.tandem.domain.billing.Verification;
import care.tandem.domain.user.Role;
import care.tandem.i18n.Texts;
import care.tandem.service.BillingService;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The billing codes tab of Settings: an administrator edits the code table and adds codes. */
class BillingCodesViewModelTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext app;
    private BillingCodesViewModel vm;

    @BeforeEach
    void open() {
        app = TestApp.signedIn(dir, MutableClock.at("2026-01-05T14:00:00Z"));
        vm = new BillingCodesViewModel(app.billing(), new SyncRunner(), dialogs, new Texts(Locale.ENGLISH));
        vm.load();
    }

    @AfterEach
    void close() {
        app.close();
    }

    private BillingCode row(String display) {
        return vm.codes().stream().filter(c -> c.display().equals(display)).findFirst().orElseThrow();
    }

    private BillingCode stored(String display) {
        return app.billing().codes(true).stream().filter(c -> c.display().equals(display)).findFirst().orElseThrow();
    }

    @Test
    void theWholeSeededTableIsListedWithMarksAndVerifyWithYourPlan() {
        assertEquals(BillingService.seedCodes().size(), vm.codes().size());
        assertEquals("✅ Confirmed", vm.markCell(row("G8431-HD")));
        assertEquals("❓ Verify with your plan", vm.markCell(row("96161")));
        assertEquals("⚠️ Verify with your plan", vm.markCell(row("Z69.11")));
        assertEquals("ICD-10-CM", vm.systemText(row("Z63.0").system()));
        assertEquals("Yes", vm.yes(row("Z63.0").confidential()));
        assertEquals("", vm.yes(row("96127").confidential()));
        assertNull(vm.editing().get(), "nothing is edited until a code is chosen");
    }

    @Test
    void aCodesLabelsMarkSourceConfidentialAndInUseAreSavedThroughTheService() {
        assertTrue(vm.edit(row("H2027")));
        assertEquals("H2027", vm.heading());
        assertTrue(vm.verifyWithPlan().get());
        vm.label().set("Psychoeducation, per 15 minutes (clinic wording)");
        vm.labelEs().set("Psicoeducación, por cada 15 minutos");
        vm.verification().set(Verification.CONFIRMED);
        vm.source().set("Confirmed with our plan's provider manual, 2026");
        vm.confidential().set(true);
        vm.active().set(false);
        assertFalse(vm.verifyWithPlan().get());
        vm.save();

        BillingCode saved = stored("H2027");
        assertEquals("Psychoeducation, per 15 minutes (clinic wording)", saved.label());
        assertEquals("Psicoeducación, por cada 15 minutos", saved.labelEs());
        assertEquals(Verification.CONFIRMED, saved.verification());
        assertEquals("Confirmed with our plan's provider manual, 2026", saved.source());
        assertTrue(saved.confidential());
        assertFalse(saved.active());
        assertEquals("psychoeducation", saved.key(), "the rules still know the edited code");
        assertTrue(app.billing().codes(false).stream().noneMatch(c -> c.id().equals(saved.id())),
                "a code out of use is no longer suggested");
        assertEquals("Saved H2027. Billing help uses it from now on.", vm.message().get());
        assertEquals(saved, vm.editing().get());
        assertFalse(vm.hasUnsavedChanges());
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void anExistingCodesNumberModifierAndSystemStayAsTheyWere() {
        vm.edit(row("G8431-HD"));
        vm.code().set("G9999");
        vm.modifier().set("");
        vm.system().set(CodeSystem.CPT);
        vm.label().set("Relabelled");
        vm.save();

        BillingCode saved = stored("G8431-HD");
        assertEquals(CodeSystem.HCPCS, saved.system());
        assertEquals("Relabelled", saved.label());
    }

    @Test
    void aNewCodeIsAddedMarkedUnverifiedUntilTheAdministratorSaysOtherwise() {
        assertTrue(vm.newCode());
        assertEquals("New code", vm.heading());
        assertEquals(Verification.UNVERIFIED, vm.verification().get());
        vm.code().set(" t1017 ");
        vm.modifier().set("hd");
        vm.system().set(CodeSystem.HCPCS);
        vm.label().set("Targeted case management, per 15 minutes");
        vm.source().set("Plan bulletin, 2026");
        vm.save();

        BillingCode saved = stored("T1017-HD");
        assertEquals(CodeSystem.HCPCS, saved.system());
        assertEquals(Verification.UNVERIFIED, saved.verification());
        assertNull(saved.key());
        assertTrue(saved.active());
        assertFalse(vm.isNew().get());
        assertEquals(BillingService.seedCodes().size() + 1, vm.codes().size());
        assertEquals("❓ Verify with your plan", vm.markCell(row("T1017-HD")));
    }

    @Test
    void aCodeWithoutANumberOrEnglishLabelOrAlreadyInTheTableSaysWhyAndNothingIsSaved() {
        vm.newCode();
        vm.label().set("Something");
        vm.save();
        assertEquals("Write the code. Nothing was saved.", vm.message().get());
        assertTrue(vm.messageIsProblem().get());

        vm.code().set("99999");
        vm.label().set(" ");
        vm.save();
        assertEquals("Write the English label. Nothing was saved.", vm.message().get());

        vm.code().set("96127");
        vm.label().set("A second 96127");
        vm.save();
        assertEquals("96127 is already in the table. Edit it there (untick \"In use\" to take it out of use). "
                + "Nothing was saved.", vm.message().get());
        assertEquals(BillingService.seedCodes().size(), app.billing().codes(true).size());
    }

    @Test
    void theSameNumberInAnotherSystemOrWithAnotherModifierIsANewCode() {
        vm.newCode();
        vm.code().set("G8431");
        vm.system().set(CodeSystem.HCPCS);
        vm.label().set("Without the modifier");
        vm.save();

        assertEquals("Without the modifier", stored("G8431").label());
    }

    @Test
    void aCodeSavedElsewhereMeanwhileIsShownAndTheEditIsNotSaved() {
        vm.edit(row("96127"));
        BillingCode elsewhere = stored("96127");
        app.billing().saveCode(new BillingCode(elsewhere.id(), elsewhere.key(), elsewhere.system(), elsewhere.code(),
                elsewhere.modifier(), "Saved on the other laptop", elsewhere.labelEs(), elsewhere.verification(),
                elsewhere.source(), false, true, elsewhere.revision()));
        vm.label().set("Mine");
        vm.save();

        assertTrue(vm.message().get().startsWith("This code was saved elsewhere"), vm.message().get());
        assertTrue(vm.messageIsProblem().get());
        assertEquals("Saved on the other laptop", vm.label().get());
        assertEquals("Saved on the other laptop", stored("96127").label());
    }

    @Test
    void anotherRoleIsRefusedInWords() {
        app.accounts().createUser("Dr. Carmen Ruiz", "carmen", Role.CLINICIAN, null,
                TestApp.PASSWORD.toCharArray());
        app.accounts().signOut();
        app.accounts().signIn("carmen", TestApp.PASSWORD.toCharArray());
        vm.edit(row("96127"));
        vm.label().set("Changed by a clinician");
        vm.save();

        assertEquals("Your role does not allow this. Ask your clinic's administrator.", vm.message().get());
        assertTrue(vm.messageIsProblem().get());
    }

    @Test
    void choosingAnotherCodeWithUnsavedChangesAsksAndNoKeepsThem() {
        vm.edit(row("96127"));
        vm.labelEs().set("A medio escribir");
        dialogs.answer = false;

        assertFalse(vm.edit(row("96110")));
        assertFalse(vm.newCode());
        assertEquals("A medio escribir", vm.labelEs().get());
        assertEquals(List.of("settings.codes.discard.message", "settings.codes.discard.message"), dialogs.questions);
    }

    @ParameterizedTest
    @EnumSource(Verification.class)
    void everyMarkAndSystemHasWordsInBothLanguages(Verification v) {
        for (Locale locale : Texts.LANGUAGES) {
            BillingCodesViewModel words = new BillingCodesViewModel(app.billing(), new SyncRunner(), dialogs,
                    new Texts(locale));
            assertTrue(words.markText(v).startsWith(v.symbol()), v + " in " + locale);
            for (CodeSystem s : CodeSystem.values()) {
                assertFalse(words.systemText(s).startsWith("billing."), s + " in " + locale);
            }
        }
    }
}
