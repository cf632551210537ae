package care.tandem.ui.screening;

import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertAction;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertDialogViewModelTest {
    @TempDir
    Path dir;
    private ScreeningPanelFixture data;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicInteger after = new AtomicInteger();
    private AlertDialogViewModel vm;

    @BeforeEach
    void setUp() {
        data = ScreeningPanelFixture.signedIn(dir);
        data.phq9(0, 0, 0, 0, 0, 0, 0, 0, 1);
        List<Alert> open = data.app.screening().openAlerts(data.family.id());
        assertEquals(1, open.size(), "fixture: item 9 raised one alert");
        vm = new AlertDialogViewModel(data.app.screening(), data.app.families(), new SyncRunner(), dialogs,
                new ScreeningWords(new Texts(Locale.ENGLISH), ZoneId.systemDefault()), open, true,
                after::incrementAndGet);
        vm.load();
    }

    @AfterEach
    void close() {
        data.app.close();
    }

    @Test
    void theDialogNamesTheInstrumentItemTextAnswerAndFamily() {
        AlertDialogViewModel.Shown shown = vm.current();
        assertNotNull(shown);
        assertEquals("Urgent: PHQ-9 item 9", shown.heading());
        assertEquals("Family: Pérez family", shown.family());
        assertEquals("Caregiver: Ana Pérez", shown.caregiver());
        assertTrue(shown.item().startsWith("Question 9: "), shown.item());
        assertTrue(shown.item().toLowerCase(Locale.ROOT).contains("better off dead"), shown.item());
        assertEquals("Answer given: Several days", shown.answer());
    }

    @Test
    void nothingIsRecordedWithoutAnActionOrWithoutTheReasonCouldNotCompleteNeeds() {
        vm.record();
        assertEquals("What did you do? Choose one, then Record.", vm.messageProperty().get());
        vm.actionProperty().set(AlertAction.COULD_NOT_COMPLETE);
        vm.record();
        assertEquals("Write why it could not be completed, then Record.", vm.messageProperty().get());
        assertEquals(1, data.app.screening().openAlerts(data.family.id()).size());
        assertEquals(0, after.get());
        vm.refuseClose();
        assertTrue(vm.messageProperty().get().contains("cannot be closed"));
    }

    @Test
    void recordingAnActionClosesTheAlertWithWhoAndWhenAndThenRunsAfter() {
        vm.actionProperty().set(AlertAction.COULD_NOT_COMPLETE);
        vm.reasonProperty().set("Caregiver left before assessment");
        vm.record();
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
        assertTrue(data.app.screening().openAlerts(null).isEmpty());
        assertEquals(1, after.get());
        assertTrue(vm.finishedProperty().get());
    }
}
