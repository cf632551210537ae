package care.tandem.ui.screening;

import care.tandem.domain.screening.AceRisk;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.screening.EntryViewModel.Mode;
import care.tandem.ui.screening.EntryViewModel.Row;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Screening window (UX.md "Screen"): the instrument's items as a list with the current one open, answered from
 * the keyboard (digit, Enter, Backspace, D), results beside them the moment the last item is in, Finish, and the
 * PHQ-9/GAD-7 follow-up offer. The same window corrects a finished screen and shows results read-only.
 */
public final class EntryWindow {
    static final String STYLESHEET = "/care/tandem/ui/screening/Entry.css";

    /** Shows urgent alerts; {@link AlertDialogs#showAll} in the app, a recorder in tests. */
    interface AlertPresenter {
        void show(UiContext ui, Window owner, List<Alert> alerts, Runnable after);
    }

    static AlertPresenter alertPresenter = AlertDialogs::showAll;

    private final UiContext ui;
    private final Texts t;
    private final EntryViewModel vm;
    private final Stage stage;
    private final VBox list = new VBox();
    private final ScrollPane listScroll = new ScrollPane(list);
    private final List<VBox> rowNodes = new ArrayList<>();
    private final VBox results = new VBox();
    private final ScrollPane resultsScroll = new ScrollPane(results);
    private final Label title = new Label();
    private final Label stem = new Label();
    private final Label note = new Label();
    private final Label progress = new Label();
    private final Label keys = new Label();
    private final Label message = new Label();
    private final Button followUp = new Button();
    private final Button finish = new Button();
    private final Button saveCorrection = new Button();
    private final Button close = new Button();

    private EntryWindow(UiContext ui, Window owner, EntryViewModel vm) {
        this.ui = ui;
        this.t = ui.texts();
        this.vm = vm;
        BorderPane root = new BorderPane();
        root.getStyleClass().add("entry-window");
        root.getStylesheets().add(STYLESHEET);
        root.setTop(header());
        list.getStyleClass().add("entry-list");
        list.setId("itemList");
        list.setFocusTraversable(true);
        list.setAccessibleText(t.get("screening.entry.listName"));
        listScroll.setFitToWidth(true);
        listScroll.getStyleClass().add("entry-list-scroll");
        root.setCenter(listScroll);
        results.getStyleClass().add("entry-results");
        results.setId("resultsBox");
        resultsScroll.setId("resultsPane");
        resultsScroll.setFitToWidth(true);
        resultsScroll.setPrefWidth(340);
        resultsScroll.setMinWidth(300);
        root.setRight(resultsScroll);
        root.setBottom(actions());
        stage = ui.windows().newStage(owner, "screening.entry.title", root, 1040, 760);
        Scene scene = stage.getScene();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> list.requestFocus());
        vm.onAlerts(this::alerts);
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> rebuild());
        vm.current().addListener((obs, old, now) -> {
            render(old.intValue());
            render(now.intValue());
            updateHeader();
            scrollTo(now.intValue());
        });
        vm.typed().addListener((obs, old, now) -> render(vm.current().get()));
        vm.privateShown().addListener((obs, old, now) -> {
            rebuildRows();
            renderResults();
        });
        vm.score().addListener((obs, old, now) -> renderResults());
        vm.resultsShown().addListener((obs, old, now) -> renderResults());
        vm.finished().addListener((obs, old, now) -> {
            rebuildRows();
            updateHeader();
        });
        vm.answeredCount().addListener((obs, old, now) -> updateHeader());
        vm.followUpOffered().addListener((obs, old, now) -> updateHeader());
        vm.message().addListener((obs, old, now) -> message.setText(now));
        rebuild();
    }

    /** Opens a screen in a new Screening window: to enter, to correct, or read-only. */
    static EntryWindow open(UiContext ui, Window owner, Screening s, Instrument ins, Mode mode, Runnable onChanged) {
        EntryViewModel vm = new EntryViewModel(ui.app().screening(), ui.runner(), ui.dialogs(), ui.texts());
        vm.onChanged(onChanged);
        EntryWindow w = new EntryWindow(ui, owner, vm);
        vm.open(s, ins, mode);
        w.stage.show();
        w.list.requestFocus();
        return w;
    }

    /** Read-only results of several screens (after caregiver mode), one section each. */
    static Stage results(UiContext ui, Window owner, List<Screening> screens, Map<String, Instrument> instruments) {
        VBox page = new VBox();
        page.getStyleClass().addAll("entry-list");
        page.setId("resultsPage");
        for (Screening s : screens) {
            EntryViewModel vm = new EntryViewModel(ui.app().screening(), ui.runner(), ui.dialogs(), ui.texts());
            vm.open(s, instruments.get(s.instrument()), Mode.READ_ONLY);
            VBox section = new VBox();
            section.getStyleClass().add("entry-section");
            Label heading = new Label(EntryTexts.instrumentName(ui.texts(), vm.instrument().get()));
            heading.getStyleClass().add("entry-title");
            VBox res = new VBox();
            res.getStyleClass().add("entry-results");
            Runnable draw = () -> fillResults(ui, vm, res);
            vm.privateShown().addListener((obs, old, now) -> draw.run());
            draw.run();
            section.getChildren().addAll(heading, res);
            page.getChildren().add(section);
        }
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("entry-list-scroll");
        Button close = new Button(ui.texts().get("screening.entry.close"));
        close.setId("closeButton");
        close.setDefaultButton(true);
        HBox bar = new HBox(close);
        bar.getStyleClass().add("entry-actions");
        BorderPane root = new BorderPane(scroll);
        root.setBottom(bar);
        root.getStyleClass().add("entry-window");
        root.getStylesheets().add(STYLESHEET);
        Stage stage = ui.windows().newStage(owner, "screening.entry.resultsTitle", root, 640, 720);
        close.setOnAction(e -> stage.close());
        stage.show();
        return stage;
    }

    Stage stage() {
        return stage;
    }

    EntryViewModel viewModel() {
        return vm;
    }

    // ---- layout ----

    private Node header() {
        title.getStyleClass().add("entry-title");
        title.setId("entryTitle");
        stem.getStyleClass().add("entry-stem");
        stem.setId("entryStem");
        stem.setWrapText(true);
        note.getStyleClass().add("entry-note");
        note.setId("entryNote");
        note.setWrapText(true);
        progress.getStyleClass().add("entry-progress");
        progress.setId("entryProgress");
        keys.getStyleClass().add("entry-keys");
        keys.setId("entryKeys");
        keys.setWrapText(true);
        message.getStyleClass().add("entry-message");
        message.setId("entryMessage");
        managedWhenVisible(note, stem, message);
        HBox line = new HBox(16, progress, keys);
        VBox box = new VBox(title, stem, note, line, message);
        box.getStyleClass().add("entry-header");
        box.getChildren().add(correctionBox());
        return box;
    }

    private Node correctionBox() {
        Label label = new Label(t.get("screening.correct.reason"));
        label.getStyleClass().add("setup-label");
        TextField reason = new TextField();
        reason.setId("correctionReason");
        reason.setPromptText(t.get("screening.correct.reasonPrompt"));
        reason.setAccessibleText(t.get("screening.correct.reason"));
        reason.textProperty().bindBidirectional(vm.reason());
        label.setLabelFor(reason);
        Label hint = new Label(t.get("screening.correct.note"));
        hint.getStyleClass().add("entry-note");
        hint.setWrapText(true);
        VBox box = new VBox(label, reason, hint);
        box.getStyleClass().add("entry-correction");
        box.setId("correctionBox");
        box.setVisible(false);
        box.managedProperty().bind(box.visibleProperty());
        vm.finished().addListener((obs, old, now) -> box.setVisible(vm.mode() == Mode.CORRECTION));
        vm.instrument().addListener((obs, old, now) -> box.setVisible(vm.mode() == Mode.CORRECTION));
        return box;
    }

    private Node actions() {
        followUp.setId("followUpButton");
        followUp.setOnAction(e -> vm.continueWithFollowUp());
        finish.setId("finishButton");
        finish.setText(t.get("screening.entry.finish"));
        finish.setOnAction(e -> vm.finish());
        saveCorrection.setId("saveCorrectionButton");
        saveCorrection.setText(t.get("screening.correct.save"));
        saveCorrection.setOnAction(e -> vm.saveCorrection());
        close.setId("closeButton");
        close.setText(t.get("screening.entry.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        managedWhenVisible(followUp, finish, saveCorrection);
        Label decline = new Label(t.get("screening.entry.declineHint", EntryViewModel.DECLINE_KEY));
        decline.getStyleClass().add("entry-keys");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(decline, grow, followUp, saveCorrection, finish, close);
        bar.getStyleClass().add("entry-actions");
        finish.disableProperty().bind(vm.busy());
        followUp.disableProperty().bind(vm.busy());
        saveCorrection.disableProperty().bind(vm.busy());
        return bar;
    }

    private static void managedWhenVisible(Node... nodes) {
        for (Node n : nodes) {
            n.managedProperty().bind(n.visibleProperty());
        }
    }

    private void rebuild() {
        Instrument ins = vm.instrument().get();
        if (ins == null) {
            return;
        }
        title.setText(titleText(ins));
        String stemText = ins.stem() == null ? "" : ins.stem().in(vm.language());
        stem.setText(stemText);
        stem.setVisible(!stemText.isBlank());
        note.setText(ins.scoreEntry() ? t.get(ins.rules().tier() != null ? "screening.entry.pearlsNote"
                : "screening.entry.epdsNote") : "");
        note.setVisible(ins.scoreEntry());
        for (Row r : vm.rows()) {
            r.answer().addListener((obs, old, now) -> render(r.index()));
        }
        rebuildRows();
        updateHeader();
        renderResults();
        list.requestFocus();
    }

    private String titleText(Instrument ins) {
        String name = EntryTexts.instrumentName(t, ins);
        return switch (vm.mode()) {
            case CORRECTION -> t.get("screening.correct.heading", name);
            default -> name;
        };
    }

    private void rebuildRows() {
        list.getChildren().clear();
        rowNodes.clear();
        for (Row r : vm.rows()) {
            VBox node = new VBox();
            node.getStyleClass().add("entry-row");
            node.setId("item" + (r.index() + 1));
            node.setOnMouseClicked(e -> {
                vm.select(r.index());
                list.requestFocus();
            });
            rowNodes.add(node);
            list.getChildren().add(node);
            render(r.index());
        }
    }

    private void updateHeader() {
        Instrument ins = vm.instrument().get();
        if (ins == null) {
            return;
        }
        progress.setText(vm.progressText());
        Row r = vm.currentRow();
        if (!vm.editable()) {
            keys.setText(vm.finished().get() && vm.mode() == Mode.ENTRY ? t.get("screening.entry.finished") : "");
        } else if (r != null && r.item().kind() == ItemKind.INTEGER) {
            keys.setText(t.get("screening.entry.keys.integer", r.item().min(), r.item().max()));
        } else if (r != null && ins.digitsArePoints(r.item())) {
            keys.setText(t.get("screening.entry.keys.points"));
        } else {
            keys.setText(t.get("screening.entry.keys.position"));
        }
        boolean entry = vm.mode() == Mode.ENTRY;
        finish.setVisible(entry && !vm.finished().get());
        saveCorrection.setVisible(vm.mode() == Mode.CORRECTION && !vm.finished().get());
        followUp.setVisible(vm.followUpOffered().get());
        if (vm.followUpOffered().get()) {
            // Named from the bundle: no instrument lookup on the FX thread.
            String next = EntryTexts.first(t, ins.rules().followUp(), "instrument." + ins.rules().followUp() + ".name");
            followUp.setText(t.get("screening.entry.followUp", next));
            followUp.setDefaultButton(true);
        }
    }

    private void render(int index) {
        if (index < 0 || index >= rowNodes.size() || index >= vm.rows().size()) {
            return;
        }
        Row r = vm.rows().get(index);
        VBox node = rowNodes.get(index);
        boolean current = index == vm.current().get();
        node.getStyleClass().remove("entry-row-current");
        if (current) {
            node.getStyleClass().add("entry-row-current");
        }
        Label number = new Label(r.item().number() + ".");
        number.getStyleClass().add("entry-number");
        Label text = new Label(r.text());
        text.setWrapText(true);
        text.setMinWidth(160);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Label answer = new Label(answerSummary(r));
        answer.setId("answer" + (index + 1));
        answer.getStyleClass().add(r.answerVisible() || r.answer().get() == null ? "entry-answer"
                : "entry-private-answer");
        answer.setWrapText(true);
        answer.setMaxWidth(300);
        // The answer keeps its words on one line where it can; the question text wraps instead.
        answer.setMinWidth(Math.min(280, answer.prefWidth(-1)));
        HBox line = new HBox(8, number, text, answer);
        node.getChildren().setAll(line);
        if (r.item().intro() != null && (index == 0 || !r.item().intro().equals(vm.rows().get(index - 1).item().intro()))) {
            Label intro = new Label(r.item().intro().in(vm.language()));
            intro.setWrapText(true);
            intro.getStyleClass().add("entry-stem");
            node.getChildren().add(0, intro);
        }
        node.setAccessibleText(t.get("screening.entry.itemName", r.item().number(), answer.getText()));
        if (current && vm.editable()) {
            node.getChildren().add(choices(r));
        }
    }

    private String answerSummary(Row r) {
        Answer a = r.answer().get();
        if (a == null) {
            return "";
        }
        if (!r.answerVisible()) {
            return a.state() == care.tandem.domain.screening.AnswerState.DEFERRED
                    ? t.get("screening.entry.deferred") : t.get("screening.entry.privateAnswered");
        }
        return r.answerText();
    }

    private Node choices(Row r) {
        Item item = r.item();
        FlowPane pane = new FlowPane();
        pane.getStyleClass().add("entry-options");
        pane.setId("options" + (r.index() + 1));
        if (item.kind() == ItemKind.INTEGER) {
            Label typed = new Label(vm.typed().get().isEmpty() ? " " : vm.typed().get());
            typed.getStyleClass().add("entry-typed");
            typed.setId("typedValue");
            Label range = new Label(t.get("screening.entry.keys.integer", item.min(), item.max()));
            range.getStyleClass().add("entry-muted");
            pane.getChildren().addAll(typed, range);
        } else {
            int k = 0;
            for (AnswerOption o : item.options()) {
                k++;
                int key = vm.keyFor(item, o);
                ToggleButton b = new ToggleButton(key + "   " + o.display().in(vm.language()));
                b.getStyleClass().add("entry-option");
                b.setId("option" + (r.index() + 1) + "_" + k);
                b.setSelected(r.isChosen(o));
                b.setFocusTraversable(false);
                b.setAccessibleText(o.display().in(vm.language()));
                b.setOnAction(e -> {
                    vm.pick(r, o);
                    list.requestFocus();
                });
                pane.getChildren().add(b);
            }
        }
        Button decline = new Button(t.get("screening.entry.decline", EntryViewModel.DECLINE_KEY));
        decline.setId("declineButton");
        decline.setFocusTraversable(false);
        decline.setOnAction(e -> {
            vm.decline();
            list.requestFocus();
        });
        pane.getChildren().add(decline);
        return pane;
    }

    private void scrollTo(int index) {
        if (index < 0 || index >= rowNodes.size()) {
            return;
        }
        Node node = rowNodes.get(index);
        Platform.runLater(() -> {
            double contentHeight = list.getBoundsInLocal().getHeight();
            double viewport = listScroll.getViewportBounds().getHeight();
            if (contentHeight <= viewport) {
                return;
            }
            Bounds b = node.getBoundsInParent();
            double top = listScroll.getVvalue() * (contentHeight - viewport);
            double target = top;
            if (b.getMinY() < top) {
                target = b.getMinY() - 8;
            } else if (b.getMaxY() > top + viewport) {
                target = b.getMaxY() - viewport + 8;
            }
            listScroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewport))));
        });
    }

    // ---- results ----

    private void renderResults() {
        boolean show = vm.resultsShown().get() || vm.mode() != Mode.ENTRY;
        resultsScroll.setVisible(show);
        resultsScroll.setManaged(show);
        if (show) {
            fillResults(ui, vm, results);
        }
    }

    /** The results of a screen in words: total, band, outcome, critical items, domains (safety behind Private). */
    static void fillResults(UiContext ui, EntryViewModel vm, VBox box) {
        Texts t = ui.texts();
        box.getChildren().clear();
        Score s = vm.score().get();
        Instrument ins = vm.instrument().get();
        Screening x = vm.screening().get();
        if (s == null || ins == null) {
            return;
        }
        Label heading = new Label(t.get("screening.entry.results"));
        heading.getStyleClass().add("entry-results-heading");
        box.getChildren().add(heading);
        if (x != null && x.status() == ScreeningStatus.ENTERED_IN_ERROR) {
            Label err = new Label(t.get("screening.entry.enteredInError", x.errorReason() == null ? "" : x.errorReason()));
            err.getStyleClass().add("entry-error-banner");
            err.setWrapText(true);
            err.setId("resultEnteredInError");
            box.getChildren().add(err);
        }
        if (s.total() != null) {
            Label total = new Label(t.get("screening.entry.total", s.total()));
            total.getStyleClass().add("entry-total");
            total.setId("resultTotal");
            box.getChildren().add(total);
        }
        if (s.band() != null) {
            String band = EntryTexts.band(t, ins.id(), s.band());
            Label b = new Label(ins.rules().tier() != null ? t.get("screening.entry.tier", band)
                    : t.get("screening.entry.band", band));
            b.setId("resultBand");
            b.setWrapText(true);
            box.getChildren().add(b);
        }
        if (ins.rules().tier() != null) {
            Label caveat = new Label(t.get("screening.entry.tierCaveat"));
            caveat.getStyleClass().add("entry-note");
            caveat.setWrapText(true);
            caveat.setId("resultTierCaveat");
            box.getChildren().add(caveat);
            vm.answers().stream().filter(a -> a.item().equals(ins.rules().tier().countItem()) && a.value() != null)
                    .findFirst().ifPresent(a -> {
                        Label billing = new Label(t.get("screening.entry.billing", AceRisk.billingCode(a.value())));
                        billing.setId("resultBilling");
                        box.getChildren().add(billing);
                    });
        }
        // Private domains never show through the overall outcome (they have their own Private line).
        Label outcome = outcomeLabel(t, ScreeningWords.publicOutcome(ins, s));
        outcome.setId("resultOutcome");
        box.getChildren().add(outcome);
        if (!s.complete()) {
            Label missing = new Label(t.get("screening.entry.incomplete", s.missing().size()));
            missing.setWrapText(true);
            missing.getStyleClass().add("entry-muted");
            missing.setId("resultMissing");
            box.getChildren().add(missing);
        }
        for (String code : s.critical()) {
            Label c = new Label(t.get("screening.entry.critical", itemNumber(ins, code), answerWords(vm, code)));
            c.getStyleClass().add("severity-high");
            c.setWrapText(true);
            c.setId("resultCritical");
            box.getChildren().add(c);
        }
        for (String code : s.askDirectly()) {
            Label c = new Label(t.get("screening.entry.askDirectly", itemNumber(ins, code)));
            c.getStyleClass().add("severity-high");
            c.setWrapText(true);
            c.setId("resultAskDirectly");
            box.getChildren().add(c);
        }
        if (!s.declined().isEmpty()) {
            List<String> numbers = s.declined().stream().map(c -> Integer.toString(itemNumber(ins, c))).toList();
            Label d = new Label(t.get("screening.entry.declinedItems", String.join(", ", numbers)));
            d.getStyleClass().add("entry-muted");
            d.setWrapText(true);
            box.getChildren().add(d);
        }
        if (s.domains().size() > 1) {
            Label domains = new Label(t.get("screening.entry.domains"));
            domains.getStyleClass().add("entry-results-heading");
            box.getChildren().add(domains);
            for (DomainScore d : s.domains().values()) {
                box.getChildren().add(domainRow(t, vm, d));
            }
        }
    }

    private static Node domainRow(Texts t, EntryViewModel vm, DomainScore d) {
        String name = EntryTexts.domain(t, d.id());
        Label label = new Label(d.core() ? name : t.get("screening.entry.supplemental", name));
        label.getStyleClass().add("entry-domain-name");
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox row = new HBox(label);
        row.getStyleClass().add("entry-domain-row");
        row.setId("domain-" + d.id());
        if (d.privateDomain() && !vm.privateShown().get()) {
            // Always behind the click, whatever the result: a lock only on positives would tell the result.
            Button reveal = new Button(t.get("screening.entry.private"));
            reveal.setId("privateButton");
            reveal.setAccessibleText(t.get("screening.entry.privateName", name));
            reveal.setMinWidth(Region.USE_PREF_SIZE);
            reveal.setOnAction(e -> vm.showPrivate());
            row.getChildren().add(reveal);
            return row;
        }
        Label outcome = outcomeLabel(t, d.outcome());
        outcome.setMinWidth(Region.USE_PREF_SIZE);
        outcome.setId("domainOutcome-" + d.id());
        row.getChildren().add(outcome);
        if (d.score() != null) {
            row.getChildren().add(new Label(t.get("screening.entry.domainScore", d.score())));
        }
        return row;
    }

    private static Label outcomeLabel(Texts t, Outcome o) {
        Label l = new Label(EntryTexts.outcome(t, o));
        l.getStyleClass().add(switch (o) {
            case POSITIVE -> "severity-moderate";
            case NEGATIVE -> "severity-low";
            default -> "severity-none";
        });
        return l;
    }

    private static int itemNumber(Instrument ins, String code) {
        return ins.item(code).map(Item::number).orElse(0);
    }

    private static String answerWords(EntryViewModel vm, String code) {
        return vm.rows().stream().filter(r -> r.item().code().equals(code)).findFirst().map(Row::answerText)
                .orElse("");
    }

    // ---- keys and alerts ----

    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        Node focus = stage.getScene().getFocusOwner();
        if (focus instanceof TextInputControl) {
            return;
        }
        boolean inList = focus == null || focus == list || isInside(focus, list);
        KeyCode code = e.getCode();
        if (!inList && (focus instanceof ButtonBase) && (code == KeyCode.ENTER || code == KeyCode.SPACE)) {
            return;
        }
        int digit = digit(code);
        if (digit >= 0) {
            vm.digit(digit);
        } else if (code == KeyCode.ENTER) {
            vm.next();
        } else if (code == KeyCode.BACK_SPACE) {
            vm.previous();
        } else if (code == KeyCode.D) {
            vm.decline();
        } else if (code == KeyCode.DOWN && inList) {
            vm.select(vm.current().get() + 1);
        } else if (code == KeyCode.UP && inList) {
            vm.select(vm.current().get() - 1);
        } else {
            return;
        }
        e.consume();
    }

    private static boolean isInside(Node node, Parent parent) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    static int digit(KeyCode code) {
        if (code.ordinal() >= KeyCode.DIGIT0.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            return code.ordinal() - KeyCode.DIGIT0.ordinal();
        }
        if (code.ordinal() >= KeyCode.NUMPAD0.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            return code.ordinal() - KeyCode.NUMPAD0.ordinal();
        }
        return -1;
    }

    private void alerts(List<Alert> raised) {
        alertPresenter.show(ui, stage, raised, list::requestFocus);
    }
}
