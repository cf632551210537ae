package care.tandem.ui.screening;

import care.tandem.ui.common.UiContext;
import care.tandem.ui.screening.ScreeningWorklistViewModel.AlertLine;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Screening section (Ctrl+2): open urgent alerts across families, each with "Act now", and where to start or
 * resume a family's screens.
 */
public final class ScreeningWorklistView {
    private final UiContext ui;
    private final ScreeningWorklistViewModel vm;
    private final Supplier<Window> owner;
    private final Runnable onActed;
    private final VBox list = new VBox(8);
    private final VBox unfinishedList = new VBox(8);
    private final ScrollPane root;

    /** @param onActed run after alerts were acted on here (the status bar recounts) */
    public ScreeningWorklistView(UiContext ui, Supplier<Window> owner, Runnable onActed) {
        this.ui = ui;
        this.owner = owner;
        this.onActed = onActed;
        this.vm = new ScreeningWorklistViewModel(ui.app().screening(), ui.app().families(), ui.runner(), ui.dialogs(),
                new ScreeningWords(ui.texts(), ZoneId.systemDefault()));
        Label title = new Label(ui.texts().get("screening.section.title"));
        title.getStyleClass().add("title-3");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button refresh = new Button(ui.texts().get("screening.section.refresh"));
        refresh.setId("worklistRefresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox head = new HBox(10, title, gap, refresh);
        head.setAlignment(Pos.CENTER_LEFT);
        Label alertsHeading = new Label(ui.texts().get("screening.section.alerts"));
        alertsHeading.getStyleClass().addAll("title-4", "family-section-title");
        Label unfinishedHeading = new Label(ui.texts().get("screening.section.unfinished"));
        unfinishedHeading.getStyleClass().addAll("title-4", "family-section-title");
        Label hint = new Label(ui.texts().get("screening.section.hint"));
        hint.setWrapText(true);
        hint.setId("worklistHint");
        hint.getStyleClass().add("screening-muted");
        VBox page = new VBox(14, head, alertsHeading, list, unfinishedHeading, unfinishedList, hint);
        page.setPadding(new Insets(24));
        page.setMaxWidth(900);
        page.getStyleClass().add("screening-worklist");
        page.setId("screeningWorklist");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        vm.alerts().addListener((ListChangeListener<AlertLine>) c -> rebuild());
        vm.unfinished().addListener((ListChangeListener<ScreeningWorklistViewModel.UnfinishedLine>) c -> rebuildUnfinished());
        vm.loadingProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
        rebuildUnfinished();
    }

    public ScrollPane node() {
        return root;
    }

    /** Loads the worklist again (the section was opened). */
    public void refresh() {
        vm.refresh();
    }

    public ScreeningWorklistViewModel model() {
        return vm;
    }

    private void rebuildUnfinished() {
        unfinishedList.getChildren().clear();
        List<ScreeningWorklistViewModel.UnfinishedLine> lines = vm.unfinished();
        if (lines.isEmpty()) {
            Label none = new Label(ui.texts().get("screening.section.unfinished.none"));
            none.setId("worklistNoUnfinished");
            none.getStyleClass().add("screening-muted");
            unfinishedList.getChildren().add(none);
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            ScreeningWorklistViewModel.UnfinishedLine line = lines.get(i);
            Label text = new Label(line.text());
            text.setWrapText(true);
            text.setId("worklistUnfinished" + i);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button resume = new Button(ui.texts().get("screening.section.resume"));
            resume.setId("worklistResume" + i);
            resume.setAccessibleText(ui.texts().get("screening.section.resume") + ": " + line.text());
            resume.setMinWidth(Region.USE_PREF_SIZE);
            resume.setOnAction(e -> ScreeningLauncher.resume(ui, owner.get(), line.screening().id(), vm::refresh));
            HBox row = new HBox(10, text, gap, resume);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().addAll("family-member-card", "worklist-row");
            unfinishedList.getChildren().add(row);
        }
    }

    private void rebuild() {
        list.getChildren().clear();
        List<AlertLine> lines = vm.alerts();
        if (lines.isEmpty()) {
            Label none = new Label(ui.texts().get(vm.loadingProperty().get()
                    ? "screening.section.loading" : "screening.section.alerts.none"));
            none.setId("worklistNoAlerts");
            none.getStyleClass().add("screening-muted");
            list.getChildren().add(none);
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            AlertLine line = lines.get(i);
            Label text = new Label(line.text());
            text.setWrapText(true);
            text.setId("worklistAlert" + i);
            text.getStyleClass().add("result-urgent");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button act = new Button(ui.texts().get("screening.section.actNow"));
            act.setId("worklistActNow" + i);
            act.setAccessibleText(ui.texts().get("screening.section.actNow") + ": " + line.text());
            act.getStyleClass().add("danger");
            act.setMinWidth(Region.USE_PREF_SIZE);
            act.setOnAction(e -> AlertDialogs.showAll(ui, owner.get(), List.of(line.alert()), true, () -> {
                vm.refresh();
                onActed.run();
            }));
            HBox row = new HBox(10, text, gap, act);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().addAll("family-member-card", "worklist-row");
            list.getChildren().add(row);
        }
    }
}
