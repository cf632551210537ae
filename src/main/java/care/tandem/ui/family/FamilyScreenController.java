package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.note.FamilyNotesPanel;
import care.tandem.ui.referral.FamilyReferralsPanel;
import care.tandem.ui.referral.FamilyReferralsPanelViewModel;
import care.tandem.ui.referral.ReferralWords;
import care.tandem.ui.screening.AlertDialogs;
import care.tandem.ui.screening.ScreeningPanelView;
import care.tandem.ui.screening.ScreeningPanelViewModel;
import care.tandem.ui.screening.ScreeningWords;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.ZoneId;
import java.util.List;

/**
 * Wires the Families screen: the search field (debounced), the result list and its keys, the details
 * pane, and the New/Edit and Merge windows. The shell binds Ctrl+F to {@link #focusSearch()} and Ctrl+N to
 * {@link #newFamily()}. Under the household's name, the screening panel shows what is due, unfinished and the latest
 * results, and the referral panel the family's referrals; opening a family first shows its open urgent alerts.
 */
public final class FamilyScreenController {
    private final UiContext ui;
    private final FamilyScreenViewModel model;
    private final ScreeningPanelViewModel screening;
    private final ScreeningPanelView screeningView;
    private final FamilyReferralsPanelViewModel referrals;
    private final FamilyReferralsPanel referralsView;
    private final FamilyNotesPanel notesView;
    private FamilySearchControls searchControls;

    @FXML private SplitPane root;
    @FXML private TextField searchField;
    @FXML private Label limitLabel;
    @FXML private ListView<Family> resultList;
    @FXML private Label detailsPlaceholder;
    @FXML private BorderPane detailsFrame;
    @FXML private ScrollPane detailsScroll;

    FamilyScreenController(UiContext ui) {
        this.ui = ui;
        this.model = new FamilyScreenViewModel(ui.app().families(), ui.runner(), ui.dialogs(),
                new FamilyFormat(ui.texts(), ui.app().clock()));
        ZoneId zone = ui.app().clock().getZone();
        this.screening = new ScreeningPanelViewModel(ui.app().screening(), ui.runner(), ui.dialogs(),
                new ScreeningWords(ui.texts(), zone));
        this.screeningView = new ScreeningPanelView(ui, screening, this::window);
        this.referrals = new FamilyReferralsPanelViewModel(ui.app().referrals(), ui.runner(), ui.dialogs(),
                new ReferralWords(ui.texts()), zone);
        this.referralsView = new FamilyReferralsPanel(ui, referrals, this::window);
        screeningView.setOnReferralsChanged(referrals::refresh);
        this.notesView = new FamilyNotesPanel(ui, this::window, referrals::refresh);
    }

    @FXML
    private void initialize() {
        searchControls = FamilySearchControls.wire(model.search(), model.format(), searchField, resultList, limitLabel,
                "emptyLabel");
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::onSearchKey);
        resultList.addEventFilter(KeyEvent.KEY_PRESSED, this::onListKey);
        resultList.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && resultList.getSelectionModel().getSelectedItem() != null) {
                openSelected();
            }
        });
        model.openedProperty().addListener((obs, old, family) -> showDetails(family));
    }

    /** Puts the cursor in the search field with what was typed selected (Ctrl+F). */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** Opens the New family window (Ctrl+N). */
    @FXML
    public void newFamily() {
        openEditor(model.newFamilyEditor(prompts()));
    }

    /** Opens the screening set-up for the open family with nothing preselected (Alt+S). */
    public void startScreen() {
        screeningView.startAny();
    }

    /** The screening panel's view model, for the shell and tests. */
    public ScreeningPanelViewModel screening() {
        return screening;
    }

    /** The referral panel's view model, for the shell and tests. */
    public FamilyReferralsPanelViewModel referrals() {
        return referrals;
    }

    /** The view model, for the shell and tests. */
    public FamilyScreenViewModel model() {
        return model;
    }

    @FXML
    private void editFamily() {
        if (model.opened() != null) {
            openEditor(model.editorForOpened(prompts()));
        }
    }

    @FXML
    private void mergeFamily() {
        if (model.opened() == null) {
            return;
        }
        FamilyMergeViewModel merge = model.mergeForOpened();
        FXMLLoader loader = FamilyViews.load(ui, FamilyViews.MERGE);
        FamilyMergeController controller = loader.getController();
        Stage stage = ui.windows().newStage(window(), "family.merge.title", loader.getRoot(), fitWidth(1180),
                fitHeight(740));
        merge.setOnMerged(kept -> {
            stage.close();
            model.show(kept);
        });
        controller.attach(merge, stage);
        stage.show();
    }

    private void openEditor(FamilyEditorViewModel editor) {
        FXMLLoader loader = FamilyViews.load(ui, FamilyViews.EDITOR);
        FamilyEditorController controller = loader.getController();
        Stage stage = ui.windows().newStage(window(), editor.titleKey(), loader.getRoot(), fitWidth(900),
                fitHeight(760));
        editor.setOnSaved(saved -> {
            stage.close();
            model.show(saved);
        });
        editor.setOnOpenExisting(existing -> {
            stage.close();
            model.open(existing.id());
        });
        controller.attach(editor, stage);
        stage.show();
        controller.focusFirstField();
    }

    /** A window size that fits a small clinic laptop screen (1366 × 768 with a task bar). */
    private static double fitWidth(double wanted) {
        return Math.min(wanted, Screen.getPrimary().getVisualBounds().getWidth() - 40);
    }

    private static double fitHeight(double wanted) {
        return Math.min(wanted, Screen.getPrimary().getVisualBounds().getHeight() - 60);
    }

    private FamilyPrompts prompts() {
        return new FxFamilyPrompts(ui, model.format());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void onSearchKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            searchControls.cancelPendingSearch();
            model.openBestMatch(resultList.getSelectionModel().getSelectedItem());
            e.consume();
        }
    }

    private void onListKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            openSelected();
            e.consume();
        } else if (e.getCode() == KeyCode.UP && resultList.getSelectionModel().getSelectedIndex() <= 0) {
            focusSearch();
            e.consume();
        }
    }

    private void openSelected() {
        Family selected = resultList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.open(selected.id());
        }
    }

    private void showDetails(Family family) {
        boolean shown = family != null;
        detailsFrame.setVisible(shown);
        detailsPlaceholder.setVisible(!shown);
        if (!shown) {
            screening.show(null);
            referrals.show(null);
            notesView.show(null);
            detailsScroll.setContent(null);
            return;
        }
        VBox details = new FamilyDetailsView(model.format(), "details").build(family, List.of(screeningView.node(),
                referralsView.node(), notesView.node()));
        detailsScroll.setContent(details);
        detailsScroll.setVvalue(0);
        // An urgent alert still open for this family comes before anything else on its page.
        screening.show(family, panel -> {
            if (!panel.openAlerts().isEmpty()) {
                AlertDialogs.showAll(ui, window(), panel.openAlerts(), () -> {
                    screening.refresh();
                    referrals.refresh();
                });
            }
        });
        referrals.show(family);
        notesView.show(family);
    }
}
