package care.tandem.ui.caregiver;

import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The laptop turned round: the caregiver answers alone, full screen, large type, one question per page, in their
 * language; nothing from any record but their first name; no score. Ends on "please hand the laptop back";
 * leaving needs the clinician's password.
 */
public final class CaregiverMode {

    private CaregiverMode() {
    }

    /**
     * Hands the laptop over for these screens, already started (in progress), asked in this order.
     *
     * @param caregiverFirstName the only record detail shown
     * @param privateAllowed     the clinician confirmed the caregiver is alone, so interpersonal-safety questions
     *                           may be asked; otherwise they are deferred before hand-over
     * @param onHandBack         run on the FX thread after the clinician's password, with the ids of every screen
     *                           given (including a PHQ-9/GAD-7 that followed a positive PHQ-2/GAD-2)
     */
    public static void launch(UiContext ui, Window owner, List<UUID> screeningIds, String caregiverFirstName,
                              String language, boolean privateAllowed, Consumer<List<UUID>> onHandBack) {
        Texts texts = new Texts(Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language));
        Stage[] stage = new Stage[1];
        CaregiverViewModel vm = new CaregiverViewModel(new CaregiverViewModel.Services(ui.app().screening(),
                ui.app().accounts(), ui.runner(), ui.dialogs(), ui.app().clock()), texts, screeningIds,
                caregiverFirstName, privateAllowed, ids -> {
                    stage[0].hide();
                    onHandBack.accept(ids);
                });
        CaregiverView view = new CaregiverView(vm, texts);
        stage[0] = open(ui, owner, view, vm);
        vm.start();
    }

    private static Stage open(UiContext ui, Window owner, CaregiverView view, CaregiverViewModel vm) {
        Rectangle2D screen = Screen.getPrimary().getBounds();
        // Made by Windows, so the app's lock covers it, its input keeps the idle timer honest, and a demo folder
        // still says DEMO across the top.
        Stage stage = ui.windows().newStage(owner, "caregiver.title", view.root(), screen.getWidth(),
                screen.getHeight());
        Scene scene = stage.getScene();
        scene.getStylesheets().add(CaregiverView.STYLESHEET);
        view.attach(scene);
        // Nothing but the clinician's password ends this window: no close button, no Esc out of full screen.
        stage.setOnCloseRequest(WindowEvent::consume);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (was && !focused && stage.isShowing()) {
                vm.lostFocus();
            }
        });
        stage.show();
        return stage;
    }
}
