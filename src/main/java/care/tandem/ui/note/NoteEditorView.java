package care.tandem.ui.note;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.note.Addendum;
import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteSection;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.note.VisitPlace;
import care.tandem.domain.screening.Visit;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.family.FamilyFormat;
import care.tandem.ui.referral.ReferralLauncher;
import care.tandem.ui.referral.ReferralOffer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.collections.ObservableSet;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One visit's note: the visit's facts (kind, minutes with a timer, place, child screens given), presenting
 * concerns, the template's sections with this visit's results and referrals already written in, interventions
 * (each a sentence; a referral or warm hand-off makes the referral record), a mandated report, the confidential
 * part, then Sign (Ctrl+Enter). Drafts save themselves a moment after typing (Ctrl+S saves at once). A signed note
 * is read-only with its signatures and addenda; a supervisor co-signs or returns an associate's note.
 */
public final class NoteEditorView {
    static final String STYLESHEET = "/care/tandem/ui/note/Note.css";
    private static final Duration AUTOSAVE = Duration.millis(800);

    private final UiContext ui;
    private final Texts t;
    private final NoteEditorViewModel vm;
    private final Supplier<Window> owner;
    private final VBox page = new VBox(14);
    private final ScrollPane root = new ScrollPane(page);
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE);
    private Timeline timer;
    private Instant timerStart;
    private final Label timerLabel = new Label();
    private Node firstField;
    private final BillingPanelViewModel billing;
    private final VBox billingBox = new VBox(8);

    public NoteEditorView(UiContext ui, Supplier<Window> owner) {
        this.ui = ui;
        this.t = ui.texts();
        this.owner = owner;
        this.vm = new NoteEditorViewModel(ui.app().notes(), ui.app().referrals(), ui.app().families(),
                ui.app().notePrinting(), ui.runner(),
                ui.dialogs(), new NoteWords(t, ui.app().clock().getZone()), () -> ui.app().session().user(),
                ui.app().clock());
        billing = new BillingPanelViewModel(ui.app().billing(), ui.runner(), ui.dialogs(), t);
        billing.rows().addListener((javafx.collections.ListChangeListener<BillingPanelViewModel.Row>) c ->
                showBilling());
        billingBox.setId("noteBilling");
        page.getStyleClass().add("note-editor");
        page.setId("noteEditor");
        root.setFitToWidth(true);
        root.getStyleClass().add("note-editor-scroll");
        root.getStylesheets().add(STYLESHEET);
        root.setAccessibleText(t.get("visits.note.accessible"));
        autosave.setOnFinished(e -> vm.saveNow());
        vm.saveStateProperty().addListener((obs, old, now) -> {
            if (vm.hasUnsavedEdits()) {
                autosave.playFromStart();
            } else if (t.get("visits.note.saved").equals(now)) {
                refreshBilling();
            }
        });
        vm.stateProperty().addListener((obs, old, now) -> rebuild());
        vm.noteProperty().addListener((obs, old, now) -> {
            if (now != null) {
                rebuild();
            }
        });
        vm.busyProperty().addListener((obs, old, now) -> page.setDisable(now));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                e.consume();
                vm.saveNow();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.ENTER) {
                e.consume();
                sign();
            }
        });
        rebuild();
    }

    public ScrollPane node() {
        return root;
    }

    public NoteEditorViewModel model() {
        return vm;
    }

    /** Moves the keyboard to the first thing to write. */
    public void focus() {
        if (firstField != null) {
            firstField.requestFocus();
        }
    }

    private void rebuild() {
        page.getChildren().clear();
        firstField = null;
        Note n = vm.noteProperty().get();
        if (vm.stateProperty().get() != NoteEditorViewModel.State.SHOWN || n == null) {
            Label placeholder = new Label(t.get(vm.stateProperty().get() == NoteEditorViewModel.State.LOADING
                    ? "visits.note.loading" : "visits.note.placeholder"));
            placeholder.setWrapText(true);
            placeholder.setId("notePlaceholder");
            placeholder.getStyleClass().add("note-muted");
            page.getChildren().add(placeholder);
            return;
        }
        boolean editable = vm.editable();
        page.getChildren().add(header(n));
        page.getChildren().add(visitFacts(editable));
        page.getChildren().add(heading("visits.note.concerns"));
        page.getChildren().add(checks("concern", List.of(PresentingConcern.values()), vm.concerns(),
                vm.words()::concern, editable));
        TextField other = new TextField();
        other.setId("noteConcernText");
        other.setPromptText(t.get("visits.note.concerns.other"));
        other.setAccessibleText(t.get("visits.note.concerns.other"));
        other.textProperty().bindBidirectional(vm.concernText());
        other.setEditable(editable);
        page.getChildren().add(other);
        page.getChildren().add(heading("visits.note.childScreens"));
        page.getChildren().add(checks("childScreen", List.of(ChildScreen.values()), vm.childScreens(),
                vm.words()::childScreen, editable));
        for (NoteSection s : n.content().sections()) {
            page.getChildren().add(section(s, editable));
        }
        page.getChildren().add(heading("visits.note.interventions"));
        page.getChildren().add(interventions(n, editable));
        page.getChildren().add(mandatedReport(editable));
        page.getChildren().add(confidential(editable));
        page.getChildren().add(heading("visits.billing.heading"));
        page.getChildren().add(billingBox);
        refreshBilling();
        if (!n.addenda().isEmpty()) {
            page.getChildren().add(heading("visits.note.addenda"));
            for (int i = 0; i < n.addenda().size(); i++) {
                page.getChildren().add(addendum(n.addenda().get(i), i));
            }
        }
        page.getChildren().add(actions(n));
    }

    // ---- header ----

    private Node header(Note n) {
        Family f = vm.familyProperty().get();
        Visit v = vm.visitProperty().get();
        FamilyFormat format = new FamilyFormat(t, ui.app().clock());
        String child = f == null || v == null ? "" : f.members().stream().filter(m -> m.id().equals(v.childId()))
                .findFirst().map(format::displayName).orElse("");
        Label title = new Label(t.get("visits.note.title", child, vm.words().date(v == null ? null : v.date())));
        title.setId("noteTitle");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.getStyleClass().add("title-3");
        Label status = new Label(vm.words().status(n.status()));
        status.setId("noteStatus");
        status.getStyleClass().addAll("note-badge", "note-status-" + n.status().name().toLowerCase(
                java.util.Locale.ROOT));
        Label saved = new Label();
        saved.setId("noteSaveState");
        saved.getStyleClass().add("note-muted");
        saved.textProperty().bind(vm.saveStateProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox badges = new HBox(10, status, gap, saved);
        badges.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, title, badges);
        Label author = new Label(t.get("visits.note.author", n.authorName()));
        author.getStyleClass().add("note-muted");
        box.getChildren().add(author);
        if (n.signature() != null) {
            box.getChildren().add(signatureLine("noteSignature", vm.words().signed("visits.note.signedBy",
                    n.signature())));
        }
        if (n.cosignature() != null) {
            box.getChildren().add(signatureLine("noteCosignature", vm.words().signed("visits.note.cosignedBy",
                    n.cosignature())));
            Label attestation = new Label(t.get("visits.note.attestation", n.attestation()));
            attestation.setId("noteAttestation");
            attestation.setWrapText(true);
            attestation.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(attestation);
        }
        if (n.status() == NoteStatus.RETURNED && !n.returnComment().isBlank()) {
            Label comment = new Label(t.get("visits.note.returned", n.returnComment()));
            comment.setId("noteReturnComment");
            comment.setWrapText(true);
            comment.setMinHeight(Region.USE_PREF_SIZE);
            comment.getStyleClass().add("note-warning");
            box.getChildren().add(comment);
        }
        if (!n.intact()) {
            Label broken = new Label(t.get("visits.note.notIntact"));
            broken.setId("noteNotIntact");
            broken.setWrapText(true);
            broken.setMinHeight(Region.USE_PREF_SIZE);
            broken.getStyleClass().add("note-danger");
            box.getChildren().add(broken);
        }
        Label message = new Label();
        message.setId("noteMessage");
        message.setWrapText(true);
        message.getStyleClass().add("note-danger");
        message.textProperty().bind(vm.messageProperty());
        care.tandem.ui.common.Forms.collapseWhenEmpty(message);
        box.getChildren().add(message);
        return box;
    }

    private Label signatureLine(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add("note-signature");
        l.setWrapText(true);
        return l;
    }

    // ---- visit facts ----

    private Node visitFacts(boolean editable) {
        ComboBox<VisitKind> kind = combo("noteKind", List.of(VisitKind.values()), vm.words()::kind);
        kind.valueProperty().bindBidirectional(vm.kind());
        ComboBox<VisitPlace> place = combo("notePlace", List.of(VisitPlace.values()), vm.words()::place);
        place.valueProperty().bindBidirectional(vm.place());
        TextField minutes = new TextField();
        minutes.setId("noteMinutes");
        minutes.setPrefColumnCount(4);
        minutes.textProperty().bindBidirectional(vm.minutes());
        Button timerButton = new Button(t.get(timer == null ? "visits.note.timer.start" : "visits.note.timer.stop"));
        timerButton.setId("noteTimer");
        timerButton.setMinWidth(Region.USE_PREF_SIZE);
        timerButton.setOnAction(e -> toggleTimer(timerButton));
        timerLabel.setId("noteTimerLabel");
        timerLabel.getStyleClass().add("note-muted");
        HBox minutesRow = new HBox(8, minutes, timerButton, timerLabel);
        minutesRow.setAlignment(Pos.CENTER_LEFT);
        kind.setDisable(!editable);
        place.setDisable(!editable);
        minutes.setEditable(editable);
        timerButton.setDisable(!editable);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, label("visits.note.kind", kind), kind);
        grid.addRow(1, label("visits.note.minutes", minutes), minutesRow);
        grid.addRow(2, label("visits.note.place", place), place);
        if (editable) {
            firstField = kind;
        }
        return grid;
    }

    /** Start: counts the minutes; Stop: adds them (rounded up) to the minutes typed. */
    private void toggleTimer(Button button) {
        if (timer == null) {
            timerStart = ui.app().clock().instant();
            timer = new Timeline(new KeyFrame(Duration.seconds(15), e -> showTimer()));
            timer.setCycleCount(Timeline.INDEFINITE);
            timer.play();
            showTimer();
            button.setText(t.get("visits.note.timer.stop"));
        } else {
            timer.stop();
            timer = null;
            long seconds = java.time.Duration.between(timerStart, ui.app().clock().instant()).toSeconds();
            long add = Math.max(1, (seconds + 59) / 60);
            long before = 0;
            try {
                before = vm.minutes().get().isBlank() ? 0 : Long.parseLong(vm.minutes().get().strip());
            } catch (NumberFormatException e) {
                before = 0;
            }
            vm.minutes().set(Long.toString(before + add));
            timerLabel.setText("");
            button.setText(t.get("visits.note.timer.start"));
        }
    }

    private void showTimer() {
        long minutes = java.time.Duration.between(timerStart, ui.app().clock().instant()).toMinutes();
        timerLabel.setText(t.get("visits.note.timer.running", minutes));
    }

    private <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> name) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().setAll(items);
        c.setId(id);
        c.setCellFactory(x -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : name.apply(item));
            }
        });
        c.setButtonCell(c.getCellFactory().call(null));
        return c;
    }

    private Label label(String key, Node forNode) {
        Label l = new Label(t.get(key));
        l.setLabelFor(forNode);
        l.getStyleClass().add("note-field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Label heading(String key) {
        Label h = new Label(t.get(key));
        h.getStyleClass().addAll("title-4", "note-heading");
        h.setWrapText(true);
        return h;
    }

    private <T extends Enum<T>> Node checks(String idPrefix, List<T> values, ObservableSet<T> picked,
                                            Function<T, String> name, boolean editable) {
        FlowPane pane = new FlowPane(14, 8);
        for (T v : values) {
            CheckBox box = new CheckBox(name.apply(v));
            box.setId(idPrefix + "_" + v.name());
            box.setSelected(picked.contains(v));
            box.setDisable(!editable);
            box.selectedProperty().addListener((obs, old, now) -> {
                if (now) {
                    picked.add(v);
                } else {
                    picked.remove(v);
                }
            });
            pane.getChildren().add(box);
        }
        return pane;
    }

    // ---- sections ----

    private Node section(NoteSection s, boolean editable) {
        Label heading = new Label(s.heading());
        heading.getStyleClass().addAll("title-4", "note-heading");
        TextArea text = new TextArea();
        text.setId("noteSection_" + s.key());
        text.setWrapText(true);
        text.setPrefRowCount(Math.max(3, Math.min(10, (int) s.text().lines().count() + 1)));
        text.setEditable(editable);
        text.setAccessibleText(s.heading());
        heading.setLabelFor(text);
        Map<String, javafx.beans.property.StringProperty> sections = vm.sections();
        if (sections.containsKey(s.key())) {
            text.textProperty().bindBidirectional(sections.get(s.key()));
        }
        if (editable && firstField == null) {
            firstField = text;
        }
        return new VBox(4, heading, text);
    }

    // ---- interventions ----

    private Node interventions(Note n, boolean editable) {
        FlowPane pane = new FlowPane(14, 8);
        for (Intervention i : Intervention.values()) {
            CheckBox box = new CheckBox(vm.words().intervention(i));
            box.setId("intervention_" + i.name());
            box.setSelected(n.content().interventions().contains(i));
            box.setDisable(!editable);
            box.setOnAction(e -> intervention(i, box));
            pane.getChildren().add(box);
        }
        Label hint = new Label(t.get("visits.note.interventions.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("note-muted");
        return new VBox(6, pane, hint);
    }

    private void intervention(Intervention i, CheckBox box) {
        boolean ticked = box.isSelected();
        if (ticked && i == Intervention.REFERRAL) {
            box.setSelected(false);
            Family f = vm.familyProperty().get();
            Visit v = vm.visitProperty().get();
            if (f != null && v != null) {
                vm.saveNow();
                ReferralLauncher.refer(ui, owner.get(), f, new ReferralOffer(null, null, v.id(), null),
                        vm::linkVisitReferrals);
            }
            return;
        }
        if (ticked && i == Intervention.WARM_HANDOFF) {
            Optional<UUID> subject = warmHandoffSubject();
            if (subject.isEmpty()) {
                box.setSelected(false);
                return;
            }
            vm.setIntervention(i, true, subject.get());
            return;
        }
        vm.setIntervention(i, ticked, null);
    }

    /** The caregiver present (asked when there are several); the child when none is recorded. */
    private Optional<UUID> warmHandoffSubject() {
        Family f = vm.familyProperty().get();
        Visit v = vm.visitProperty().get();
        if (f == null || v == null) {
            return Optional.empty();
        }
        List<Member> present = f.caregivers().stream().filter(m -> v.caregivers().contains(m.id())).toList();
        if (present.isEmpty()) {
            return Optional.of(v.childId());
        }
        if (present.size() == 1) {
            return Optional.of(present.get(0).id());
        }
        FamilyFormat format = new FamilyFormat(t, ui.app().clock());
        Map<String, UUID> byName = new java.util.LinkedHashMap<>();
        present.forEach(m -> byName.put(format.displayName(m), m.id()));
        ChoiceDialog<String> ask = new ChoiceDialog<>(byName.keySet().iterator().next(), byName.keySet());
        ask.initOwner(owner.get());
        ask.setTitle(ui.windows().title("visits.note.warmHandoff.title"));
        ask.setHeaderText(t.get("visits.note.warmHandoff.question"));
        return ask.showAndWait().map(byName::get);
    }

    // ---- mandated report ----

    private Node mandatedReport(boolean editable) {
        CheckBox made = new CheckBox(t.get("visits.note.report.made"));
        made.setId("noteReportMade");
        made.selectedProperty().bindBidirectional(vm.reportMade());
        made.setDisable(!editable);
        Label explain = new Label(t.get("visits.note.report.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add("note-muted");
        TextField date = field("noteReportDate", vm.reportDate(), 10, editable);
        TextField time = field("noteReportTime", vm.reportTime(), 5, editable);
        Button now = new Button(t.get("visits.note.report.now"));
        now.setId("noteReportNow");
        now.setOnAction(e -> vm.reportNow());
        HBox when = new HBox(8, date, time, now);
        when.setAlignment(Pos.CENTER_LEFT);
        TextField agency = field("noteReportAgency", vm.reportAgency(), 24, editable);
        TextField reference = field("noteReportReference", vm.reportReference(), 16, editable);
        Button record = new Button(t.get("visits.note.report.record"));
        record.setId("noteReportRecord");
        record.setOnAction(e -> vm.saveMandatedReport());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, label("visits.note.report.when", date), when);
        grid.addRow(1, label("visits.note.report.agency", agency), agency);
        grid.addRow(2, label("visits.note.report.reference", reference), reference);
        grid.visibleProperty().bind(made.selectedProperty());
        grid.managedProperty().bind(made.selectedProperty());
        now.setDisable(!editable);
        record.setDisable(!editable);
        VBox box = new VBox(8, heading("visits.note.report.heading"), explain, made, grid, record);
        box.getStyleClass().add("note-confidential-box");
        box.setId("noteReportBox");
        return box;
    }

    private TextField field(String id, javafx.beans.property.StringProperty value, int columns, boolean editable) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(value);
        f.setEditable(editable);
        return f;
    }

    // ---- confidential part ----

    private Node confidential(boolean editable) {
        Label heading = new Label(t.get("visits.note.confidential"));
        heading.getStyleClass().addAll("title-4", "note-heading", "note-confidential-heading");
        Label explain = new Label(t.get("visits.note.confidential.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add("note-muted");
        TextArea text = new TextArea();
        text.setId("noteConfidential");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.setEditable(editable);
        text.setAccessibleText(t.get("visits.note.confidential"));
        heading.setLabelFor(text);
        text.textProperty().bindBidirectional(vm.confidential());
        VBox box = new VBox(6, heading, explain, text);
        box.getStyleClass().add("note-confidential-box");
        return box;
    }

    // ---- billing help ----

    private void refreshBilling() {
        Note n = vm.noteProperty().get();
        if (n != null && vm.visitProperty().get() != null) {
            billing.refresh(vm.visitAsTyped(), vm.content());
        }
    }

    /** Each suggested or accepted code: code, label, mark, why; Accept (unaccepted) or Remove (accepted). */
    private void showBilling() {
        billingBox.getChildren().clear();
        Label explain = new Label(t.get("visits.billing.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add("note-muted");
        billingBox.getChildren().add(explain);
        for (String notice : billing.notices()) {
            Label l = new Label(notice);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add("note-warning");
            billingBox.getChildren().add(l);
        }
        if (billing.rows().isEmpty()) {
            Label none = new Label(t.get("visits.billing.none"));
            none.setId("billingNone");
            none.getStyleClass().add("note-muted");
            billingBox.getChildren().add(none);
        }
        for (int i = 0; i < billing.rows().size(); i++) {
            billingBox.getChildren().add(billingRow(billing.rows().get(i), i));
        }
    }

    private Node billingRow(BillingPanelViewModel.Row r, int i) {
        Label code = new Label(r.code());
        code.setId("billingCode" + i);
        code.getStyleClass().add("note-row-title");
        code.setMinWidth(Region.USE_PREF_SIZE);
        Label label = new Label(r.label());
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, code, label);
        top.setAlignment(Pos.BASELINE_LEFT);
        FlowPane tags = new FlowPane(8, 4);
        Label mark = new Label(r.mark());
        mark.getStyleClass().add("note-muted");
        tags.getChildren().add(mark);
        if (r.verifyWithPlan()) {
            Label verify = new Label(t.get("billing.verifyWithPlan"));
            verify.setId("billingVerify" + i);
            verify.getStyleClass().addAll("note-badge", "note-status-draft");
            tags.getChildren().add(verify);
        }
        if (r.confidential()) {
            Label secret = new Label(t.get("visits.billing.confidential"));
            secret.setId("billingConfidential" + i);
            secret.getStyleClass().addAll("note-badge", "note-status-returned");
            tags.getChildren().add(secret);
        }
        Label why = new Label(r.why());
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.getStyleClass().add("note-muted");
        VBox text = new VBox(3, top, tags, why);
        for (String note : r.notes()) {
            Label l = new Label(note);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add("note-muted");
            text.getChildren().add(l);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        Button action;
        if (r.isAccepted()) {
            action = new Button(t.get("visits.billing.remove"));
            action.setId("billingRemove" + i);
            action.setOnAction(e -> billing.remove(r, vm.visitAsTyped(), vm.content()));
        } else {
            action = new Button(t.get("visits.billing.accept"));
            action.setId("billingAccept" + i);
            action.getStyleClass().add("accent");
            action.setOnAction(e -> billing.accept(r, vm.visitAsTyped(), vm.content()));
        }
        action.setMinWidth(Region.USE_PREF_SIZE);
        action.setAccessibleText(action.getText() + " " + r.code());
        action.disableProperty().bind(billing.busyProperty());
        Label state = new Label(t.get(r.isAccepted() ? "visits.billing.accepted" : "visits.billing.suggested"));
        state.setId("billingState" + i);
        state.getStyleClass().add(r.isAccepted() ? "note-signature" : "note-muted");
        VBox right = new VBox(4, state, action);
        right.setAlignment(Pos.TOP_RIGHT);
        HBox row = new HBox(12, text, right);
        row.getStyleClass().add("note-addendum");
        row.setId("billingRow" + i);
        return row;
    }

    // ---- addenda and actions ----

    private Node addendum(Addendum a, int i) {
        Label who = new Label(vm.words().signed("visits.note.addendum.signedBy", a.signature()));
        who.getStyleClass().add("note-muted");
        Label text = new Label(a.text());
        text.setId("noteAddendum" + i);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, who, text);
        box.getStyleClass().add("note-addendum");
        return box;
    }

    private Node actions(Note n) {
        FlowPane bar = new FlowPane(8, 8);
        bar.getStyleClass().add("note-actions");
        bar.setId("noteActions");
        if (vm.canSign()) {
            Button sign = new Button(t.get(vm.signSendsForCosign() ? "visits.note.action.signForCosign"
                    : "visits.note.action.sign"));
            sign.setId("noteSign");
            sign.getStyleClass().add("accent");
            sign.setOnAction(e -> sign());
            Button save = new Button(t.get("visits.note.action.save"));
            save.setId("noteSave");
            save.setOnAction(e -> vm.saveNow());
            bar.getChildren().addAll(sign, save);
        }
        if (vm.canCosign()) {
            Button cosign = new Button(t.get("visits.note.action.cosign"));
            cosign.setId("noteCosign");
            cosign.getStyleClass().add("accent");
            cosign.setOnAction(e -> NoteTextDialog.ask(ui, owner.get(), "visits.note.cosign.title",
                    "visits.note.cosign.question", t.get("visits.note.cosign.default"), "visits.note.action.cosign",
                    vm::cosign));
            Button back = new Button(t.get("visits.note.action.return"));
            back.setId("noteReturn");
            back.setOnAction(e -> NoteTextDialog.ask(ui, owner.get(), "visits.note.return.title",
                    "visits.note.return.question", "", "visits.note.action.return", vm::returnToAuthor));
            bar.getChildren().addAll(cosign, back);
        }
        if (vm.canAddAddendum()) {
            Button add = new Button(t.get("visits.note.action.addendum"));
            add.setId("noteAddAddendum");
            add.setOnAction(e -> NoteTextDialog.ask(ui, owner.get(), "visits.note.addendum.title",
                    "visits.note.addendum.question", "", "visits.note.action.addendumSign", vm::addAddendum));
            bar.getChildren().add(add);
        }
        Button papers = new Button(t.get("visits.note.action.papers"));
        papers.setId("notePapers");
        papers.setOnAction(e -> papers());
        bar.getChildren().add(papers);
        for (Node b : bar.getChildren()) {
            ((Region) b).setMinWidth(Region.USE_PREF_SIZE);
        }
        Label paperState = new Label();
        paperState.setId("notePaperState");
        paperState.getStyleClass().add("note-muted");
        paperState.textProperty().bind(vm.paperStateProperty());
        bar.getChildren().add(paperState);
        return bar;
    }

    /** PDF…: which paper, whether to print it, then where to save it. */
    private void papers() {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        VBox options = new VBox(8);
        for (NoteEditorViewModel.Paper p : NoteEditorViewModel.Paper.values()) {
            javafx.scene.control.RadioButton b = new javafx.scene.control.RadioButton(
                    t.get("visits.paper." + p.name()));
            b.setId("paper_" + p.name());
            b.setUserData(p);
            b.setToggleGroup(group);
            b.setWrapText(true);
            b.setMinHeight(Region.USE_PREF_SIZE);
            options.getChildren().add(b);
        }
        group.selectToggle(group.getToggles().get(0));
        CheckBox print = new CheckBox(t.get("visits.paper.print"));
        print.setId("paperPrint");
        print.setDisable(true);
        ui.runner().read(vm::printerAvailable, available -> {
            print.setDisable(!available);
            if (!available) {
                print.setText(t.get("visits.paper.noPrinter"));
            }
        }, failure -> print.setDisable(true));
        Button cancel = new Button(t.get("visits.dialog.cancel"));
        cancel.setId("paperCancel");
        cancel.setCancelButton(true);
        Button save = new Button(t.get("visits.paper.save"));
        save.setId("paperSave");
        save.setDefaultButton(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label question = new Label(t.get("visits.paper.question"));
        VBox content = new VBox(12, question, options, print, new HBox(8, gap, cancel, save));
        content.setPadding(new javafx.geometry.Insets(20));
        content.getStylesheets().add(STYLESHEET);
        javafx.stage.Stage stage = ui.windows().newStage(owner.get(), "visits.paper.title", content, 520, 320);
        cancel.setOnAction(e -> stage.close());
        save.setOnAction(e -> {
            NoteEditorViewModel.Paper paper = (NoteEditorViewModel.Paper) group.getSelectedToggle().getUserData();
            stage.close();
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(ui.windows().title("visits.paper.title"));
            chooser.setInitialFileName(t.get("visits.paper.file." + paper.name()) + ".pdf");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
            java.io.File file = chooser.showSaveDialog(owner.get());
            if (file != null) {
                vm.writePaper(paper, file.toPath(), print.isSelected());
            }
        });
        stage.show();
        ((Node) group.getSelectedToggle()).requestFocus();
    }

    /** Ctrl+Enter: asks once, then signs. */
    private void sign() {
        if (!vm.canSign()) {
            return;
        }
        String question = vm.signSendsForCosign() ? "visits.note.sign.questionCosign" : "visits.note.sign.question";
        if (ui.dialogs().confirm("visits.note.sign.title", question)) {
            vm.sign();
        }
    }

    /** Saves what is typed (the window closes, the section changes) and stops the timer. */
    public void leave() {
        autosave.stop();
        vm.saveNow();
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }
}
