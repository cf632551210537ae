package care.tandem.ui.main;

import care.tandem.ui.common.ErrorLog;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.family.FamilyScreenController;
import care.tandem.ui.family.FamilyViews;
import care.tandem.ui.note.VisitsView;
import care.tandem.ui.referral.ReferralWorklistView;
import care.tandem.ui.screening.AlertDialogs;
import care.tandem.ui.screening.ScreeningWorklistView;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the main window: top bar, left navigation, the open section, status bar and the keys
 * (Ctrl+F, Ctrl+N, Alt+S, Ctrl+L, Ctrl+1…5, F1, Ctrl+Q). Decisions live in {@link MainWindowViewModel}. Open urgent
 * alerts are shown, before anything else, by {@link #showOpenAlerts()}; the status bar counts them, and the overdue
 * referrals ("3 referrals overdue", which opens the Referrals section with them).
 */
public final class MainWindowController {
    private final UiContext ui;
    private final MainWindowViewModel vm;
    private final Runnable openSettings;
    private final Runnable openHelp;
    private final Map<Section, ToggleButton> navButtons = new EnumMap<>(Section.class);
    private final ToggleGroup navGroup = new ToggleGroup();
    private Node familiesNode;
    private FamilyScreenController families;
    private ScreeningWorklistView worklist;
    private ReferralWorklistView referrals;
    private VisitsView visits;
    private Hyperlink statusOverdue;
    private VBox emptyState;
    private Label emptyTitle;
    private Label emptyText;

    @FXML
    private Label clinicLabel;
    @FXML
    private Label userLabel;
    @FXML
    private Label roleLabel;
    @FXML
    private Button settingsButton;
    @FXML
    private Button helpButton;
    @FXML
    private Button lockButton;
    @FXML
    private Button signOutButton;
    @FXML
    private ToggleButton navFamilies;
    @FXML
    private ToggleButton navScreening;
    @FXML
    private ToggleButton navVisits;
    @FXML
    private ToggleButton navReferrals;
    @FXML
    private ToggleButton navReports;
    @FXML
    private StackPane content;
    @FXML
    private Label statusUser;
    @FXML
    private Label statusFolder;
    @FXML
    private Label statusFamilies;
    @FXML
    private Label statusDemo;
    @FXML
    private Label statusAlerts;

    public MainWindowController(UiContext ui, MainWindowViewModel vm, Runnable openSettings, Runnable openHelp) {
        this.ui = ui;
        this.vm = vm;
        this.openSettings = openSettings;
        this.openHelp = openHelp;
    }

    @FXML
    private void initialize() {
        clinicLabel.setText(vm.clinicName());
        userLabel.setText(vm.userName());
        roleLabel.setText(vm.roleText());
        settingsButton.setVisible(vm.isAdministrator());
        settingsButton.setManaged(vm.isAdministrator());
        settingsButton.setOnAction(e -> openSettings.run());
        // Export… (issue 6): the clinic's records as FHIR, NDJSON or CSV, with progress and Cancel.
        Button exportButton = new Button(ui.texts().get("main.export"));
        exportButton.setId("exportButton");
        exportButton.getStyleClass().add("flat");
        exportButton.setOnAction(e -> care.tandem.ui.export.ExportDialog.show(ui, window()));
        if (settingsButton.getParent() instanceof HBox bar) {
            bar.getChildren().add(bar.getChildren().indexOf(settingsButton), exportButton);
        }
        helpButton.setOnAction(e -> openHelp.run());
        helpButton.setTooltip(new Tooltip(ui.texts().get("main.help.accessible")));
        lockButton.setOnAction(e -> vm.lock().lock());
        lockButton.setTooltip(new Tooltip(ui.texts().get("main.lock.tooltip")));
        signOutButton.setOnAction(e -> vm.signOut());
        // Sync with the clinic's other laptops (issue 6): beside Settings in the top bar.
        Button syncButton = new Button(ui.texts().get("main.sync"));
        syncButton.setId("syncButton");
        syncButton.setTooltip(new Tooltip(ui.texts().get("main.sync.tooltip")));
        syncButton.setOnAction(e -> care.tandem.ui.sync.SyncWindow.show(ui, syncButton.getScene().getWindow()));
        if (settingsButton.getParent() instanceof javafx.scene.layout.Pane bar) {
            bar.getChildren().add(bar.getChildren().indexOf(settingsButton), syncButton);
        }

        List<ToggleButton> buttons = List.of(navFamilies, navScreening, navVisits, navReferrals, navReports);
        for (Section s : Section.values()) {
            ToggleButton b = buttons.get(s.ordinal());
            navButtons.put(s, b);
            b.setToggleGroup(navGroup);
            b.setUserData(s);
            b.setGraphic(navGraphic(s));
            b.setAccessibleText(ui.texts().get(s.titleKey()));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
        }
        navGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // A second click on the open section must not leave nothing selected.
                old.setSelected(true);
            } else {
                vm.select((Section) now.getUserData());
            }
        });
        vm.sectionProperty().addListener((obs, old, now) -> show(now));

        statusUser.setText(vm.signedInText());
        statusFolder.setText(ui.texts().get("status.folder", vm.dataFolderName()));
        statusFolder.setTooltip(new Tooltip(vm.dataFolderPath()));
        statusFamilies.textProperty().bind(vm.familyCountProperty());
        statusAlerts.textProperty().bind(vm.alertCountProperty());
        statusAlerts.visibleProperty().bind(vm.alertCountProperty().isNotEmpty());
        statusAlerts.managedProperty().bind(statusAlerts.visibleProperty());
        statusOverdue();
        statusDemo.setVisible(vm.isDemo());
        statusDemo.setManaged(vm.isDemo());
        buildEmptyState();
        show(vm.sectionProperty().get());
    }

    // The overdue count sits beside the alert count; a link, so Tab reaches it and Enter opens the overdue referrals.
    private void statusOverdue() {
        vm.useReferrals(ui.app().referrals());
        statusOverdue = new Hyperlink();
        statusOverdue.setId("statusOverdue");
        statusOverdue.getStyleClass().addAll("status-item", "status-overdue");
        statusOverdue.textProperty().bind(vm.overdueCountProperty());
        statusOverdue.visibleProperty().bind(vm.overdueCountProperty().isNotEmpty());
        statusOverdue.managedProperty().bind(statusOverdue.visibleProperty());
        statusOverdue.accessibleTextProperty().bind(vm.overdueCountProperty());
        statusOverdue.setOnAction(e -> showOverdueReferrals());
        if (statusAlerts.getParent() instanceof HBox bar) {
            bar.getChildren().add(bar.getChildren().indexOf(statusAlerts) + 1, statusOverdue);
            bar.getStylesheets().add(ReferralWorklistView.STYLESHEET);
        }
    }

    /** The status bar's overdue count was used: the Referrals section, showing the overdue ones. */
    public void showOverdueReferrals() {
        if (vm.lock().isLocked()) {
            return;
        }
        // The focus leaves the section being replaced first, so it is not lost with it.
        navButtons.get(Section.REFERRALS).requestFocus();
        vm.select(Section.REFERRALS);
        if (referrals != null) {
            referrals.showOverdue();
        }
    }

    private Node navGraphic(Section s) {
        Label name = new Label(ui.texts().get(s.titleKey()));
        name.getStyleClass().add("nav-name");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label key = new Label(ui.texts().get("key.ctrlDigit", s.number()));
        key.getStyleClass().add("nav-key");
        HBox box = new HBox(name, gap, key);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMaxWidth(Double.MAX_VALUE);
        box.getStyleClass().add("nav-graphic");
        return box;
    }

    private void buildEmptyState() {
        emptyTitle = new Label();
        emptyTitle.getStyleClass().addAll("title-3", "empty-title");
        emptyTitle.setId("emptyTitle");
        emptyText = new Label();
        emptyText.setWrapText(true);
        emptyText.getStyleClass().add("empty-text");
        emptyText.setId("emptyText");
        emptyState = new VBox(emptyTitle, emptyText);
        emptyState.getStyleClass().add("empty-state");
        emptyState.setAlignment(Pos.CENTER);
        emptyState.setMaxWidth(520);
    }

    private void show(Section s) {
        ToggleButton b = navButtons.get(s);
        if (b != null && !b.isSelected()) {
            b.setSelected(true);
        }
        if (visits != null && s != Section.VISITS) {
            visits.leave();
        }
        if (s == Section.FAMILIES) {
            content.getChildren().setAll(familiesNode());
            vm.refreshFamilyCount();
        } else if (s == Section.SCREENING) {
            content.getChildren().setAll(worklistNode());
            worklist.refresh();
            vm.refreshAlertCount();
        } else if (s == Section.VISITS) {
            content.getChildren().setAll(visitsNode());
            visits.refresh();
        } else if (s == Section.REFERRALS) {
            content.getChildren().setAll(referralsNode());
            referrals.refresh();
            vm.refreshOverdueCount();
        } else {
            emptyTitle.setText(ui.texts().get(s.titleKey()));
            emptyText.setText(ui.texts().get(s.comingKey()));
            content.getChildren().setAll(emptyState);
        }
    }

    private Node worklistNode() {
        if (worklist == null) {
            worklist = new ScreeningWorklistView(ui, this::window, vm::refreshAlertCount);
        }
        return worklist.node();
    }

    private Node visitsNode() {
        if (visits == null) {
            visits = new VisitsView(ui, this::window);
        }
        return visits.node();
    }

    /** The Visits section, once shown (tests). */
    public VisitsView visits() {
        return visits;
    }

    private Node referralsNode() {
        if (referrals == null) {
            referrals = new ReferralWorklistView(ui, this::window, vm::refreshOverdueCount);
        }
        return referrals.node();
    }

    private Window window() {
        return content.getScene() == null ? null : content.getScene().getWindow();
    }

    /**
     * Shows every family's open urgent alerts (after sign-in and after unlock), each naming its family, before
     * anything else; the status bar counts them.
     */
    public void showOpenAlerts() {
        vm.refreshOverdueCount();
        vm.loadOpenAlerts(alerts -> {
            if (!alerts.isEmpty()) {
                AlertDialogs.showAll(ui, window(), alerts, true, this::alertsActed);
            }
        });
    }

    private void alertsActed() {
        vm.refreshAlertCount();
        if (worklist != null) {
            worklist.refresh();
        }
        if (families != null) {
            families.screening().refresh();
        }
    }

    /** Alt+S: a new screen for the open family. */
    public void startScreen() {
        if (vm.sectionProperty().get() == Section.FAMILIES && families != null) {
            families.startScreen();
        }
    }

    /** The Referrals section, once shown (tests). */
    public ReferralWorklistView referrals() {
        return referrals;
    }

    /** The Screening section's worklist, once shown (tests). */
    public ScreeningWorklistView worklist() {
        return worklist;
    }

    private Node familiesNode() {
        if (familiesNode == null) {
            FXMLLoader loader = new FXMLLoader(FamilyViews.class.getResource(FamilyViews.SCREEN),
                    ui.texts().bundle());
            loader.setControllerFactory(ui.controllers());
            try {
                familiesNode = loader.load();
                families = loader.getController();
                // A save or merge shows its family: recount then, so the status bar never lags behind.
                families.model().openedProperty().addListener((obs, before, now) -> vm.refreshFamilyCount());
            } catch (IOException | RuntimeException e) {
                ErrorLog.unexpected(Thread.currentThread().getName(), e);
                Label failed = new Label(ui.texts().get("main.families.failed"));
                failed.setWrapText(true);
                failed.getStyleClass().add("empty-text");
                familiesNode = new StackPane(failed);
            }
        }
        return familiesNode;
    }

    /** Installs the window's keys and title once the scene exists. */
    public void attach(Stage stage) {
        Scene scene = stage.getScene();
        stage.titleProperty().bind(vm.titleProperty());
        Map<KeyCombination, Runnable> keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), unlessLocked(this::findFamily));
        keys.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), unlessLocked(this::newFamily));
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.ALT_DOWN), unlessLocked(this::startScreen));
        keys.put(new KeyCodeCombination(KeyCode.F1), unlessLocked(openHelp));
        keys.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), vm::quit);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        KeyCode[] numpad = {KeyCode.NUMPAD1, KeyCode.NUMPAD2, KeyCode.NUMPAD3, KeyCode.NUMPAD4, KeyCode.NUMPAD5};
        for (Section s : Section.values()) {
            Runnable go = unlessLocked(() -> selectAndFocus(s));
            keys.put(new KeyCodeCombination(digits[s.ordinal()], KeyCombination.SHORTCUT_DOWN), go);
            keys.put(new KeyCodeCombination(numpad[s.ordinal()], KeyCombination.SHORTCUT_DOWN), go);
        }
        // A referral changed in another window (the family page's) is counted when this one is in front again.
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                vm.refreshOverdueCount();
            }
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            vm.quit();
        });
    }

    private Runnable unlessLocked(Runnable r) {
        return () -> {
            if (!vm.lock().isLocked()) {
                r.run();
            }
        };
    }

    private void selectAndFocus(Section s) {
        vm.select(s);
        navButtons.get(s).requestFocus();
    }

    /** Ctrl+F: to the Families section, cursor in its search. */
    public void findFamily() {
        vm.select(Section.FAMILIES);
        if (families != null) {
            families.focusSearch();
        }
    }

    /** Ctrl+N: to the Families section, new family. */
    public void newFamily() {
        vm.select(Section.FAMILIES);
        if (families != null) {
            families.newFamily();
        }
    }

    /** The Families screen's controller, once loaded (tests). */
    public FamilyScreenController familyScreen() {
        return families;
    }

    Parent content() {
        return content;
    }
}
