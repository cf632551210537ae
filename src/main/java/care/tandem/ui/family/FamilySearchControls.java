package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * The search field and result list as the Families screen and the merge window both wire them: typing
 * searches once it pauses, Down moves into the list, the list says what to do when it is empty, and a
 * label says when the results were cut short.
 */
final class FamilySearchControls {
    /** How long typing must pause before a search runs, so each keystroke does not query. */
    static final Duration DEBOUNCE = Duration.millis(150);

    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);

    private FamilySearchControls() {
    }

    /**
     * Binds {@code field}, {@code list} and {@code limitLabel} to {@code search} and runs the first search.
     * The list's placeholder gets the id {@code emptyLabelId}.
     */
    static FamilySearchControls wire(FamilySearch search, FamilyFormat format, TextField field, ListView<Family> list,
                                     Label limitLabel, String emptyLabelId) {
        FamilySearchControls controls = new FamilySearchControls();
        field.textProperty().bindBidirectional(search.queryProperty());
        controls.debounce.setOnFinished(e -> search.search());
        field.textProperty().addListener((obs, old, text) -> controls.debounce.playFromStart());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
                list.getFocusModel().focus(list.getSelectionModel().getSelectedIndex());
                e.consume();
            }
        });

        list.setItems(search.results());
        list.setCellFactory(l -> new FamilyListCell(format));
        Label empty = new Label();
        empty.setId(emptyLabelId);
        empty.setWrapText(true);
        empty.getStyleClass().add("family-empty");
        empty.textProperty().bind(search.emptyMessageProperty());
        list.setPlaceholder(empty);

        limitLabel.textProperty().bind(search.limitMessageProperty());
        limitLabel.visibleProperty().bind(search.limitMessageProperty().isNotEmpty());
        limitLabel.managedProperty().bind(limitLabel.visibleProperty());

        search.search();
        return controls;
    }

    /** Drops a search still waiting for typing to pause (Enter searches at once instead). */
    void cancelPendingSearch() {
        debounce.stop();
    }
}
