package care.tandem.ui.referral;

import care.tandem.domain.family.Family;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.referral.FamilyReferralsPanelViewModel.Panel;
import care.tandem.ui.referral.FamilyReferralsPanelViewModel.Row;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Supplier;

/**
 * The referrals part of the family page: the overdue count in the header, "New referral…", open referrals (each a
 * button that opens it), then the closed ones folded under "Closed (n)". Overdue is said in words and colour.
 */
public final class FamilyReferralsPanel {
    private final UiContext ui;
    private final FamilyReferralsPanelViewModel vm;
    private final Supplier<Window> owner;
    private final VBox root = new VBox(8);
    private boolean closedExpanded;

    public FamilyReferralsPanel(UiContext ui, FamilyReferralsPanelViewModel vm, Supplier<Window> owner) {
        this.ui = ui;
        this.vm = vm;
        this.owner = owner;
        root.getStyleClass().add("referral-panel");
        root.getStylesheets().add(NewReferralDialog.STYLESHEET);
        root.setId("referralPanel");
        vm.panelProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || !old.familyId().equals(now.familyId())) {
                closedExpanded = false;
            }
            rebuild();
        });
        vm.loadingProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    /** The panel's node; it rebuilds itself whenever the view model loads. */
    public VBox node() {
        return root;
    }

    /** Opens the new-referral dialog with nothing preselected. */
    public void newReferral() {
        Family family = vm.family();
        if (family != null) {
            ReferralLauncher.refer(ui, owner.get(), family, ReferralOffer.blank(), vm::refresh);
        }
    }

    private void rebuild() {
        Panel p = vm.panel();
        Family family = vm.family();
        root.getChildren().clear();
        Label title = new Label(text("referral.panel.title"));
        title.getStyleClass().addAll("title-4", "family-section-title");
        Label overdue = new Label();
        overdue.setId("referralOverdueCount");
        overdue.getStyleClass().add("referral-overdue-badge");
        boolean anyOverdue = p != null && p.overdue() > 0;
        overdue.setVisible(anyOverdue);
        overdue.setManaged(anyOverdue);
        if (anyOverdue) {
            overdue.setText(p.overdue() == 1 ? text("referral.panel.overdue.one")
                    : text("referral.panel.overdue.many", p.overdue()));
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button add = new Button(text("referral.panel.new"));
        add.setId("newReferralButton");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setAccessibleText(text("referral.panel.new.accessible"));
        add.setDisable(family == null);
        add.setOnAction(e -> newReferral());
        HBox head = new HBox(10, title, overdue, gap, add);
        head.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().add(head);
        if (p == null || family == null || !p.familyId().equals(family.id())) {
            Label loading = new Label(text("referral.panel.loading"));
            loading.setId("referralsLoading");
            loading.getStyleClass().add("referral-muted");
            root.getChildren().add(loading);
            return;
        }
        if (p.empty()) {
            Label empty = new Label(text("referral.panel.empty"));
            empty.setId("referralsEmpty");
            empty.setWrapText(true);
            empty.getStyleClass().add("referral-muted");
            root.getChildren().add(empty);
            return;
        }
        if (p.open().isEmpty()) {
            Label none = new Label(text("referral.panel.noneOpen"));
            none.setId("referralsNoneOpen");
            none.getStyleClass().add("referral-muted");
            root.getChildren().add(none);
        }
        for (int i = 0; i < p.open().size(); i++) {
            root.getChildren().add(row(p.open().get(i), "referralRow" + i));
        }
        if (!p.closed().isEmpty()) {
            root.getChildren().add(closed(p.closed()));
        }
    }

    private Node closed(List<Row> rows) {
        VBox list = new VBox(6);
        for (int i = 0; i < rows.size(); i++) {
            list.getChildren().add(row(rows.get(i), "closedReferralRow" + i));
        }
        TitledPane pane = new TitledPane(text("referral.panel.closed", rows.size()), list);
        pane.setId("closedReferrals");
        pane.getStyleClass().add("referral-closed");
        pane.setAnimated(false);
        pane.setExpanded(closedExpanded);
        pane.expandedProperty().addListener((obs, was, now) -> closedExpanded = now);
        return pane;
    }

    /**
     * One referral as a focusable row that opens it with Enter, Space or a click (a Button would not let its
     * two-line content take the pane's width).
     */
    private Node row(Row r, String id) {
        Label title = new Label(r.title());
        title.getStyleClass().add("referral-row-title");
        // A long title (Spanish) wraps instead of losing its destination to an ellipsis.
        title.setWrapText(true);
        title.setMinWidth(0);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        if (r.privateReferral()) {
            title.getStyleClass().add("referral-row-private");
        }
        Label when = new Label(r.when());
        when.setId(id + "When");
        when.getStyleClass().add(r.overdue() ? "referral-overdue" : "referral-when");
        when.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, title, when);
        top.setAlignment(Pos.TOP_LEFT);
        Label status = new Label(r.status());
        status.setId(id + "Status");
        status.getStyleClass().addAll("referral-status", r.open() ? "referral-status-open" : "referral-status-closed");
        HBox bottom = new HBox(10, status);
        bottom.setAlignment(Pos.BASELINE_LEFT);
        if (!r.who().isEmpty()) {
            Label who = new Label(r.who());
            who.getStyleClass().add("referral-muted");
            bottom.getChildren().add(who);
        }
        VBox row = new VBox(4, top, bottom);
        row.setId(id);
        row.getStyleClass().add("referral-row");
        row.setFocusTraversable(true);
        row.setAccessibleRole(AccessibleRole.BUTTON);
        row.setAccessibleText(String.join(", ", List.of(r.title(), r.status(), r.when(), r.who()).stream()
                .filter(s -> !s.isBlank()).toList()));
        Runnable open = () -> ReferralWindow.open(ui, owner.get(), r.referralId(), vm::refresh);
        row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                row.requestFocus();
                open.run();
            }
        });
        row.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                e.consume();
                open.run();
            }
        });
        return row;
    }

    private String text(String key, Object... args) {
        return ui.texts().get(key, args);
    }
}
