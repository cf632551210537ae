package care.tandem.testing;

import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.common.Windows;
import care.tandem.ui.family.FamilyScreenController;
import care.tandem.ui.family.FamilyViews;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The screens' context for view tests on a real data folder: a background runner, dialogs that only record
 * ({@link FakeDialogs}), windows without a lock cover, no demo band. {@link #close()} stops the runner; the test
 * closes its stages and the folder.
 */
public final class TestUi implements AutoCloseable {
    private final FxBackgroundRunner runner;
    private final UiContext ui;

    private TestUi(AppContext app, Locale locale) {
        runner = new FxBackgroundRunner();
        Texts texts = new Texts(locale);
        Windows windows = new Windows(texts.bundle(), false, w -> new StackPane());
        ui = new UiContext(app, runner, new FakeDialogs(), texts, new ControllerRegistry(), windows, false);
    }

    /** A context over {@code app} in {@code locale}. */
    public static TestUi of(AppContext app, Locale locale) {
        return new TestUi(app, locale);
    }

    public UiContext ui() {
        return ui;
    }

    public Windows windows() {
        return ui.windows();
    }

    /** Loads the family screen from its FXML, as the main window does, and shows it in {@code stage} at 1240 × 780. */
    public FamilyScreenController showFamilyScreen(FxRobot robot, Stage stage) {
        FamilyViews.register(ui);
        FamilyScreenController[] screen = new FamilyScreenController[1];
        robot.interact(() -> {
            FXMLLoader loader = new FXMLLoader(FamilyViews.class.getResource(FamilyViews.SCREEN),
                    ui.texts().bundle());
            loader.setControllerFactory(ui.controllers());
            try {
                loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            screen[0] = loader.getController();
            stage.setScene(ui.windows().scene(loader.<Parent>getRoot(), 1240, 780));
            stage.show();
        });
        return screen[0];
    }

    @Override
    public void close() {
        runner.close();
    }
}
