package care.tandem.ui.screening;

import care.tandem.domain.screening.Screening;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.ui.screening.ScreeningPanelViewModel.ResultLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreeningPanelViewModelTest {
    @TempDir
    Path dir;
    private ScreeningPanelFixture data;
    private final FakeDialogs dialogs = new FakeDialogs();
    private ScreeningPanelViewModel vm;

    @BeforeEach
    void setUp() {
        data = ScreeningPanelFixture.signedIn(dir);
        vm = new ScreeningPanelViewModel(data.app.screening(), new SyncRunner(), dialogs,
                new ScreeningWords(new Texts(Locale.ENGLISH), ZoneId.systemDefault()));
    }

    @AfterEach
    void close() {
        data.app.close();
    }

    private ResultLine line(String instrument) {
        return vm.panel().latest().stream().filter(l -> l.instrumentId().equals(instrument)).findFirst()
                .orElseThrow();
    }

    @Test
    void dueScreensSayWhatForWhomAndWhy() {
        vm.show(data.family);
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
        assertTrue(vm.panel().due().stream().anyMatch(d -> d.text().equals("PHQ-2 due for Ana — 2-month visit")
                && d.instrumentId().equals("phq2") && data.mother.id().equals(d.caregiverId())),
                () -> vm.panel().due().toString());
    }

    @Test
    void aModeratePhq9WithItemNineReadsAsBandOutcomeAndAnUrgentMarker() {
        data.phq9(2, 2, 2, 2, 1, 1, 2, 0, 1);
        vm.show(data.family);
        ResultLine phq9 = line("phq9");
        assertEquals("PHQ-9", phq9.instrument());
        assertEquals("Ana", phq9.who());
        assertEquals("Moderate (13)", phq9.band());
        assertEquals("severity-medium", phq9.bandStyle());
        assertEquals("Positive", phq9.outcome());
        assertEquals("Urgent: item 9", phq9.urgent());
        assertTrue(phq9.correctable());
        assertNull(phq9.privateText(), "a PHQ-9 has nothing private");
    }

    @Test
    void anIncompleteScreenIsNeverShownAsNegative() {
        data.phq9(0, 0, 0, 0, 0, 0, 0);
        vm.show(data.family);
        ResultLine phq9 = line("phq9");
        assertEquals("Incomplete — 2 items missing", phq9.outcome());
        assertEquals("result-incomplete", phq9.outcomeStyle());
        assertEquals("", phq9.band());
    }

    @Test
    void anUnfinishedScreenIsOfferedToResumeAndNotAmongTheResults() {
        Screening s = data.start("phq9");
        data.app.screening().answer(s.id(), care.tandem.domain.screening.Answer.choice("44250-9",
                ScreeningPanelFixture.POINTS[1]));
        vm.show(data.family);
        assertEquals(1, vm.panel().unfinished().size());
        assertEquals(s.id(), vm.panel().unfinished().get(0).screeningId());
        assertTrue(vm.panel().unfinished().get(0).text().startsWith("PHQ-9 for Ana — 1 of 9 answered"),
                vm.panel().unfinished().get(0).text());
        assertTrue(vm.panel().latest().isEmpty());
    }

    @Test
    void safetyStaysPrivateInEveryPublicWordUntilRevealedAndTheRevealIsAudited() throws Exception {
        Screening ahc = data.ahcWithPositiveSafety();
        assertTrue(ahc.score().domains().get("safety").outcome().name().equals("POSITIVE"), "fixture: safety positive");
        vm.show(data.family);
        ResultLine line = line("ahc-hrsn");
        String shown = String.join(" ", line.instrument(), line.band(), line.outcome(), line.domains(),
                line.urgent() == null ? "" : line.urgent());
        assertFalse(shown.toLowerCase(Locale.ROOT).contains("safety"), shown);
        assertFalse(shown.contains("20"), shown);
        assertNotNull(line.privateText());
        assertFalse(vm.isRevealed(ahc.id()));
        assertEquals(0, ScreeningPanelFixture.auditRows(dir, "VIEW_PRIVATE", ahc.id()));

        vm.revealPrivate(ahc.id());
        assertTrue(vm.isRevealed(ahc.id()));
        assertEquals("Interpersonal safety: Positive, score 20", line.privateText());
        assertEquals(1, ScreeningPanelFixture.auditRows(dir, "VIEW_PRIVATE", ahc.id()));

        vm.show(null);
        assertFalse(vm.isRevealed(ahc.id()), "closing the family hides it again");
    }

    @Test
    void anAhcWhoseOnlyPositiveDomainIsSafetyDoesNotReadPositive() {
        data.ahcWithPositiveSafety();
        vm.show(data.family);
        ResultLine line = line("ahc-hrsn");
        // Only the non-private domains decide the public outcome, so "Positive" never stands for safety alone.
        boolean otherPositive = !line.domains().isEmpty();
        assertEquals(otherPositive ? "Positive" : "Negative (private domains not included: see Private)",
                line.outcome());
    }
}
