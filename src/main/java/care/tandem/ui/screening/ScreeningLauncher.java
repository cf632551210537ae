package care.tandem.ui.screening;

import care.tandem.domain.family.Family;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.service.ScreeningService;
import care.tandem.ui.caregiver.CaregiverMode;
import care.tandem.ui.common.UiContext;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts, resumes and corrects screens from anywhere in the window (family page, due list, Screening section):
 * the set-up step (caregiver, who answers, language, how), then clinician entry or caregiver mode.
 */
public final class ScreeningLauncher {

    private ScreeningLauncher() {
    }

    /**
     * Opens the set-up for a new screen of this family.
     *
     * @param instrumentId preselected instrument (a due screen), or null to choose
     * @param caregiverId  preselected caregiver, or null to choose
     * @param onChanged    run on the FX thread after anything was saved, so the caller refreshes
     */
    public static void start(UiContext ui, Window owner, Family family, String instrumentId, UUID caregiverId,
                             Runnable onChanged) {
        SetupDialog.show(ui, owner, family, instrumentId, caregiverId, started -> {
            onChanged.run();
            Screening s = started.screening();
            if (s.mode() == AdministrationMode.SELF) {
                CaregiverMode.launch(ui, owner, List.of(s.id()), started.subject().givenName(), s.language(),
                        started.privateAllowed(), ids -> handedBack(ui, owner, family.id(), ids, onChanged));
            } else {
                EntryWindow.open(ui, owner, s, started.instrument(), EntryViewModel.Mode.ENTRY, onChanged);
            }
        }, onChanged);
    }

    /**
     * The laptop is back: open urgent alerts of the family come first, then the results of the screens given.
     */
    static void handedBack(UiContext ui, Window owner, UUID familyId, List<UUID> screeningIds, Runnable onChanged) {
        ScreeningService service = ui.app().screening();
        ui.runner().read(() -> service.openAlerts(familyId), alerts -> {
            onChanged.run();
            Runnable results = () -> showResults(ui, owner, screeningIds);
            if (alerts.isEmpty()) {
                results.run();
            } else {
                EntryWindow.alertPresenter.show(ui, owner, alerts, results);
            }
        }, ui.dialogs()::showProblem);
    }

    private static void showResults(UiContext ui, Window owner, List<UUID> screeningIds) {
        if (screeningIds.isEmpty()) {
            return;
        }
        ScreeningService service = ui.app().screening();
        ui.runner().read(() -> {
            List<Screening> screens = new ArrayList<>();
            Map<String, Instrument> instruments = new LinkedHashMap<>();
            for (UUID id : screeningIds) {
                Screening s = service.open(id);
                screens.add(s);
                instruments.put(s.instrument(), service.instrumentOf(s));
            }
            return new Opened(screens, instruments);
        }, opened -> EntryWindow.results(ui, owner, opened.screens(), opened.instruments()), ui.dialogs()::showProblem);
    }

    private record Opened(List<Screening> screens, Map<String, Instrument> instruments) {
    }

    /** Opens an unfinished screen where it was left. */
    public static void resume(UiContext ui, Window owner, UUID screeningId, Runnable onChanged) {
        openIn(ui, owner, screeningId, onChanged, false);
    }

    /** Opens a finished screen's answers to mark it entered in error and record the right answers. */
    public static void correct(UiContext ui, Window owner, UUID screeningId, Runnable onChanged) {
        openIn(ui, owner, screeningId, onChanged, true);
    }

    private static void openIn(UiContext ui, Window owner, UUID screeningId, Runnable onChanged, boolean correct) {
        ScreeningService service = ui.app().screening();
        ui.runner().read(() -> {
            Screening s = service.open(screeningId);
            return new Opened(List.of(s), Map.of(s.instrument(), service.instrumentOf(s)));
        }, opened -> {
            Screening s = opened.screens().get(0);
            Instrument ins = opened.instruments().get(s.instrument());
            EntryViewModel.Mode mode;
            if (correct) {
                mode = s.status() == ScreeningStatus.COMPLETED ? EntryViewModel.Mode.CORRECTION
                        : EntryViewModel.Mode.READ_ONLY;
            } else {
                mode = s.status() == ScreeningStatus.IN_PROGRESS ? EntryViewModel.Mode.ENTRY
                        : EntryViewModel.Mode.READ_ONLY;
            }
            EntryWindow.open(ui, owner, s, ins, mode, onChanged);
        }, ui.dialogs()::showProblem);
    }
}
