package care.tandem.ui.screening;

import care.tandem.domain.family.Family;
import care.tandem.domain.referral.Need;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.referral.ReferralLauncher;
import care.tandem.ui.referral.ReferralOffer;
import care.tandem.ui.referral.ReferralWords;
import care.tandem.ui.screening.ScreeningPanelViewModel.DueLine;
import care.tandem.ui.screening.ScreeningPanelViewModel.Panel;
import care.tandem.ui.screening.ScreeningPanelViewModel.ResultLine;
import care.tandem.ui.screening.ScreeningPanelViewModel.UnfinishedLine;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Supplier;

/**
 * The screening part of the family details pane: due today with Start, "Start a screen…", unfinished screens
 * with Resume, and the latest results with Refer… (on a positive result, UX.md "Act"), History and Correct….
 * Interpersonal safety is a "Private" button that looks the same whatever the result; its words, and the offer of a
 * referral for it, reach the scene only once it is clicked.
 */
public final class ScreeningPanelView {
    private final UiContext ui;
    private final ScreeningPanelViewModel vm;
    private final Supplier<Window> owner;
    private final VBox root = new VBox(10);
    private Runnable onReferralsChanged = () -> { };

    public ScreeningPanelView(UiContext ui, ScreeningPanelViewModel vm, Supplier<Window> owner) {
        this.ui = ui;
        this.vm = vm;
        this.owner = owner;
        root.getStyleClass().add("screening-panel");
        root.setId("screeningPanel");
        vm.panelProperty().addListener((obs, old, now) -> rebuild());
        vm.loadingProperty().addListener((obs, old, now) -> rebuild());
        vm.revealed().addListener((SetChangeListener<java.util.UUID>) change -> rebuild());
        rebuild();
    }

    /** The panel's node; it rebuilds itself whenever the view model loads. */
    public VBox node() {
        return root;
    }

    /** Runs after a referral was made or declined from a result, or an alert action may have made a hand-off. */
    public void setOnReferralsChanged(Runnable onReferralsChanged) {
        this.onReferralsChanged = onReferralsChanged == null ? () -> { } : onReferralsChanged;
    }

    /** Opens the set-up with nothing preselected (the "Start a screen…" button and its key). */
    public void startAny() {
        Family family = vm.family();
        if (family != null) {
            ScreeningLauncher.start(ui, owner.get(), family, null, null, vm::refresh);
        }
    }

    private void rebuild() {
        Panel p = vm.panel();
        Family family = vm.family();
        root.getChildren().clear();
        Label title = new Label(text("screening.panel.title"));
        title.getStyleClass().addAll("title-4", "family-section-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button startAny = new Button(text("screening.panel.startAny"));
        startAny.setId("startScreenButton");
        startAny.setAccessibleText(text("screening.panel.startAny.accessible"));
        startAny.setMinWidth(Region.USE_PREF_SIZE);
        startAny.setOnAction(e -> startAny());
        startAny.setDisable(family == null);
        HBox head = new HBox(8, title, gap, startAny);
        head.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().add(head);
        if (p == null || family == null || !p.familyId().equals(family.id())) {
            Label loading = new Label(text("screening.panel.loading"));
            loading.setId("screeningLoading");
            loading.getStyleClass().add("screening-muted");
            root.getChildren().add(loading);
            return;
        }
        if (!p.openAlerts().isEmpty()) {
            Label alert = new Label(text("screening.panel.alertsOpen"));
            alert.setWrapText(true);
            alert.getStyleClass().add("result-urgent");
            Button act = new Button(text("screening.panel.actNow"));
            act.setId("actNowButton");
            act.setMinWidth(Region.USE_PREF_SIZE);
            act.getStyleClass().add("danger");
            act.setOnAction(e -> AlertDialogs.showAll(ui, owner.get(), p.openAlerts(), () -> {
                vm.refresh();
                onReferralsChanged.run();
            }));
            HBox line = new HBox(10, alert, act);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setId("panelAlerts");
            line.getStyleClass().add("screening-alert-line");
            root.getChildren().add(line);
        }
        root.getChildren().add(subheading("screening.panel.due"));
        if (p.due().isEmpty()) {
            root.getChildren().add(muted("screening.panel.due.none", "dueNone"));
        }
        for (int i = 0; i < p.due().size(); i++) {
            DueLine d = p.due().get(i);
            Button start = button("screening.panel.start", "dueStart" + i, d.text());
            start.getStyleClass().add("accent");
            start.setOnAction(e -> ScreeningLauncher.start(ui, owner.get(), family, d.instrumentId(), d.caregiverId(),
                    vm::refresh));
            root.getChildren().add(line(label(d.text(), "dueLine" + i), start));
        }
        if (!p.unfinished().isEmpty()) {
            root.getChildren().add(subheading("screening.panel.unfinished"));
        }
        for (int i = 0; i < p.unfinished().size(); i++) {
            UnfinishedLine u = p.unfinished().get(i);
            Button resume = button("screening.panel.resume", "resume" + i, u.text());
            resume.setOnAction(e -> ScreeningLauncher.resume(ui, owner.get(), u.screeningId(), vm::refresh));
            root.getChildren().add(line(label(u.text(), "unfinishedLine" + i), resume));
        }
        root.getChildren().add(subheading("screening.panel.latest"));
        if (p.latest().isEmpty()) {
            root.getChildren().add(muted("screening.panel.latest.none", "latestNone"));
        }
        List<ResultLine> latest = p.latest();
        for (int i = 0; i < latest.size(); i++) {
            root.getChildren().add(result(latest.get(i), i));
        }
    }

    private Node result(ResultLine r, int i) {
        VBox card = new VBox(4);
        card.getStyleClass().addAll("family-member-card", "screening-result");
        card.setPadding(new Insets(8, 12, 8, 12));
        card.setId("result" + i);
        Label name = label(r.instrument(), "resultInstrument" + i);
        name.getStyleClass().add("family-member-name");
        Label who = label(text("screening.panel.for", r.who()), null);
        who.getStyleClass().add("family-member-age");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label date = label(r.date(), "resultDate" + i);
        date.getStyleClass().add("screening-muted");
        HBox head = new HBox(10, name, who, gap, date);
        head.setAlignment(Pos.BASELINE_LEFT);
        card.getChildren().add(head);
        FlowPane facts = new FlowPane(10, 4);
        if (!r.band().isEmpty()) {
            Label band = label(r.band(), "resultBand" + i);
            band.getStyleClass().addAll("screening-band", r.bandStyle());
            facts.getChildren().add(band);
        }
        Label outcome = label(r.outcome(), "resultOutcome" + i);
        outcome.getStyleClass().addAll("screening-outcome", r.outcomeStyle());
        facts.getChildren().add(outcome);
        if (r.urgent() != null) {
            Label urgent = label(r.urgent(), "resultUrgent" + i);
            urgent.getStyleClass().add("result-urgent");
            facts.getChildren().add(urgent);
        }
        card.getChildren().add(facts);
        if (!r.domains().isEmpty()) {
            card.getChildren().add(label(r.domains(), "resultDomains" + i));
        }
        HBox actions = new HBox(8);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (!r.needs().isEmpty()) {
            actions.getChildren().add(refer(r, i));
        }
        if (r.hasPrivate()) {
            if (vm.isRevealed(r.screeningId())) {
                Label shown = label(r.privateText(), "privateText" + i);
                shown.getStyleClass().add("screening-private-shown");
                HBox privateLine = new HBox(8, shown);
                privateLine.setAlignment(Pos.CENTER_LEFT);
                privateLine.setId("privateLine" + i);
                // Offered only here, behind the click: the public line never names the private need.
                if (!r.privateNeeds().isEmpty()) {
                    Button referPrivate = button("referral.new.offer", "referPrivate" + i, null);
                    referPrivate.setAccessibleText(text("referral.new.referPrivate.accessible"));
                    referPrivate.setOnAction(e -> offer(r.offer(r.privateNeeds().get(0))));
                    privateLine.getChildren().add(referPrivate);
                }
                card.getChildren().add(privateLine);
            } else {
                Button priv = button("screening.panel.private", "private" + i, null);
                priv.setAccessibleText(text("screening.panel.private.accessible"));
                priv.getStyleClass().add("screening-private");
                priv.setOnAction(e -> vm.revealPrivate(r.screeningId()));
                actions.getChildren().add(priv);
            }
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        actions.getChildren().add(spacer);
        Hyperlink history = new Hyperlink(text("screening.panel.history"));
        history.setId("history" + i);
        history.setMinWidth(Region.USE_PREF_SIZE);
        history.setAccessibleText(text("screening.panel.history") + ": " + r.instrument() + " " + r.who());
        history.setOnAction(e -> TrendWindow.show(ui, owner.get(), r.subjectId(), r.instrumentId()));
        actions.getChildren().add(history);
        if (r.correctable()) {
            Button correct = button("screening.panel.correct", "correct" + i,
                    text("screening.panel.correct") + " " + r.instrument() + " " + r.who());
            correct.getStyleClass().add("flat");
            correct.setOnAction(e -> ScreeningLauncher.correct(ui, owner.get(), r.screeningId(), vm::refresh));
            actions.getChildren().add(correct);
        }
        card.getChildren().add(actions);
        return card;
    }

    /** "Refer…" for the result's need, or a menu of its needs when it points to several (an AHC HRSN). */
    private Node refer(ResultLine r, int i) {
        String accessible = text("referral.new.refer.accessible", r.instrument(), r.who());
        if (r.needs().size() == 1) {
            Button refer = button("referral.new.offer", "refer" + i, null);
            refer.setAccessibleText(accessible);
            refer.setOnAction(e -> offer(r.offer(r.needs().get(0))));
            return refer;
        }
        MenuButton refer = new MenuButton(text("referral.new.offer"));
        refer.setId("refer" + i);
        refer.setMinWidth(Region.USE_PREF_SIZE);
        refer.setAccessibleText(accessible);
        for (Need need : r.needs()) {
            MenuItem item = new MenuItem(new ReferralWords(ui.texts()).need(need));
            item.setId("refer" + i + "_" + need.name());
            item.setOnAction(e -> offer(r.offer(need)));
            refer.getItems().add(item);
        }
        return refer;
    }

    private void offer(ReferralOffer offer) {
        Family family = vm.family();
        if (family != null) {
            ReferralLauncher.refer(ui, owner.get(), family, offer, onReferralsChanged);
        }
    }

    private HBox line(Label text, Button action) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.SOMETIMES);
        HBox line = new HBox(10, text, gap, action);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("screening-line");
        return line;
    }

    private Button button(String key, String id, String accessible) {
        Button b = new Button(text(key));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        if (accessible != null) {
            b.setAccessibleText(text(key) + ": " + accessible);
        }
        return b;
    }

    private Label subheading(String key) {
        Label label = new Label(text(key));
        label.getStyleClass().add("screening-subheading");
        return label;
    }

    private Label muted(String key, String id) {
        Label label = label(text(key), id);
        label.getStyleClass().add("screening-muted");
        return label;
    }

    private static Label label(String value, String id) {
        Label label = new Label(value);
        label.setWrapText(true);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    private String text(String key, Object... args) {
        return ui.texts().get(key, args);
    }
}
