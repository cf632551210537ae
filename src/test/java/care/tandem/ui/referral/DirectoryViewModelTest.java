package care.tandem.ui.referral;

import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryViewModelTest {
    @TempDir
    Path dir;
    private ReferralWorklistFixture data;
    private final FakeDialogs dialogs = new FakeDialogs();
    private DirectoryViewModel vm;

    @BeforeEach
    void setUp() {
        data = new ReferralWorklistFixture(dir);
        vm = new DirectoryViewModel(data.app.referrals(), new SyncRunner(), dialogs, data.words);
        vm.load();
    }

    @AfterEach
    void close() {
        data.close();
    }

    private Destination entry(String name) {
        return vm.entries().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSeededDirectoryListsTheStatewideDestinationsEachWithItsSource() {
        assertTrue(vm.loaded().get());
        assertTrue(vm.entries().size() >= 10, () -> vm.entries().toString());
        Destination calFresh = entry("CalFresh");
        assertEquals("Food", vm.needsText(calFresh));
        assertEquals("Food, Housing, Utilities, Transportation, Money and bills, Work, Education, Family and community "
                + "support, Other", vm.needsText(entry("2-1-1 California")));
        assertTrue(vm.edit(calFresh));
        assertTrue(vm.source().get().startsWith("DOMAIN.md §D.1"), vm.source().get());
        assertEquals("Added by Tandem from the statewide California list: check its source below and add your local "
                + "details.", vm.seededText());
        assertEquals("CalFresh", vm.heading());
        assertTrue(vm.need(Need.FOOD).get());
        assertFalse(vm.dirty().get());
    }

    @Test
    void anEditedEntryIsSavedWithItsNewNeedsAndPhone() {
        vm.edit(entry("WIC (Women, Infants, and Children)"));
        vm.phone().set("1-888-942-9675");
        vm.hours().set("Mon–Fri 8–5");
        vm.need(Need.PARENTING_SUPPORT).set(true);
        assertTrue(vm.dirty().get());
        vm.save();
        assertFalse(vm.dirty().get());
        assertEquals("Saved: WIC (Women, Infants, and Children).", vm.message().get());
        Destination stored = data.destination("WIC (Women, Infants, and Children)");
        assertEquals("1-888-942-9675", stored.phone());
        assertEquals("Mon–Fri 8–5", stored.hours());
        assertEquals(Set.of(Need.FOOD, Need.PARENTING_SUPPORT), stored.needs());
        assertEquals(stored, vm.editing().get(), "the form now edits the saved revision");
    }

    @Test
    void removingTakesItOutOfTheListAndShowRemovedBringsItBackToRestore() {
        vm.edit(entry("Home visiting programme"));
        vm.remove();
        assertTrue(vm.entries().stream().noneMatch(d -> d.name().equals("Home visiting programme")));
        assertTrue(vm.message().get().startsWith("Removed from the directory: Home visiting programme."));
        assertTrue(data.app.referrals().suggest(Need.PARENTING_SUPPORT).stream()
                .noneMatch(d -> d.name().equals("Home visiting programme")));

        vm.showRemoved().set(true);
        Destination removed = entry("Home visiting programme");
        assertFalse(removed.active());
        vm.edit(removed);
        vm.restore();
        assertTrue(data.app.referrals().suggest(Need.PARENTING_SUPPORT).stream()
                .anyMatch(d -> d.name().equals("Home visiting programme")));
        assertEquals("Back in the directory: Home visiting programme.", vm.message().get());
    }

    @Test
    void aNewDestinationNeedsANameAndIsAddedToTheDirectory() {
        int before = vm.entries().size();
        vm.newEntry();
        assertEquals("New destination", vm.heading());
        vm.save();
        assertEquals("Give the destination a name, then save.", vm.message().get());
        assertTrue(vm.messageIsProblem().get());
        vm.name().set("Alameda County Food Bank");
        vm.need(Need.FOOD).set(true);
        vm.phone().set("510-635-3663");
        vm.source().set("Our social worker, March 2026");
        vm.save();
        assertEquals(before + 1, vm.entries().size());
        Destination added = data.destination("Alameda County Food Bank");
        assertEquals("Our social worker, March 2026", added.source());
        assertTrue(data.app.referrals().suggest(Need.FOOD).contains(added));
        assertEquals("", vm.seededText(), "one the clinic added");
    }

    @Test
    void aDestinationSavedElsewhereMeanwhileIsNotOverwrittenAndTheDirectorySaysSo() {
        vm.edit(entry("CalFresh"));
        Destination theirs = data.destination("CalFresh");
        data.app.referrals().saveDestination(new Destination(theirs.id(), theirs.name(), theirs.needs(),
                theirs.phone(), theirs.text(), theirs.web(), theirs.languages(), "24/7", theirs.notes(),
                theirs.source(), false, theirs.seedKey(), true, theirs.revision()));
        vm.hours().set("Mon–Fri");
        vm.save();
        assertTrue(vm.messageIsProblem().get());
        assertTrue(vm.message().get().startsWith("Someone else saved this destination"), vm.message().get());
        assertEquals("24/7", data.destination("CalFresh").hours());
        assertEquals("24/7", vm.hours().get(), "the latest version is shown");
        assertTrue(dialogs.problems.isEmpty());
    }

    @Test
    void leavingUnsavedChangesAsksFirstAndKeepsThemWhenTheAnswerIsNo() {
        vm.edit(entry("CalFresh"));
        vm.notes().set("Ask for Maria at the county office");
        dialogs.answer = false;
        assertFalse(vm.edit(entry("WIC (Women, Infants, and Children)")));
        assertEquals("CalFresh", vm.editing().get().name());
        assertEquals("Ask for Maria at the county office", vm.notes().get());
        assertEquals(1, dialogs.questions.size());
        dialogs.answer = true;
        assertTrue(vm.newEntry());
        assertEquals("", vm.notes().get());
        vm.discard();
        assertFalse(vm.dirty().get());
    }
}
