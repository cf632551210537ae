package care.tandem.ui.family;

import care.tandem.ui.common.UiContext;
import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Registers the family screens' controllers and loads their views with the shared controller factory. */
public final class FamilyViews {
    /** The Families screen, for the main window. */
    public static final String SCREEN = "/care/tandem/ui/family/FamilyScreen.fxml";
    static final String EDITOR = "/care/tandem/ui/family/FamilyEditor.fxml";
    static final String MERGE = "/care/tandem/ui/family/FamilyMerge.fxml";

    private FamilyViews() {
    }

    /** Adds the family controllers to the window's controller registry. */
    public static void register(UiContext ui) {
        ui.controllers()
                .register(FamilyScreenController.class, () -> new FamilyScreenController(ui))
                .register(FamilyEditorController.class, FamilyEditorController::new)
                .register(FamilyMergeController.class, () -> new FamilyMergeController(ui));
    }

    /** Loads one of the family views; the loader holds its root and controller. */
    static FXMLLoader load(UiContext ui, String fxml) {
        FXMLLoader loader = new FXMLLoader(FamilyViews.class.getResource(fxml), ui.texts().bundle());
        loader.setControllerFactory(ui.controllers());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
        return loader;
    }
}
