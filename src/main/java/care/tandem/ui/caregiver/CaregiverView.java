package care.tandem.ui.caregiver;

import care.tandem.i18n.Texts;
import care.tandem.ui.caregiver.CaregiverViewModel.Choice;
import care.tandem.ui.caregiver.CaregiverViewModel.Cover;
import care.tandem.ui.caregiver.CaregiverViewModel.Page;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The caregiver's full-screen pages, built from the view model: the question page, a moment's wait, the thank-you
 * page, and the neutral covers (blank, clinician's password). Under a cover the question page is taken out of the
 * window altogether, so nothing of it can show or be read out by a screen reader.
 */
final class CaregiverView {
    static final String STYLESHEET = "/care/tandem/ui/caregiver/caregiver.css";

    private final CaregiverViewModel vm;
    private final Texts texts;
    private final StackPane root = new StackPane();
    private final VBox choiceBox = new VBox();
    private final List<ToggleButton> choiceButtons = new ArrayList<>();
    private final Node questionPage;
    private final Node loadingPage;
    private final Node endPage;
    private final Node blankPage;
    private final Node passwordPage;
    private final PasswordField coverPassword = new PasswordField();
    private final PasswordField endPassword = new PasswordField();
    private final ToggleButton declineButton = new ToggleButton();
    private final Label questionLabel = label("questionLabel", "caregiver-question");

    CaregiverView(CaregiverViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        root.getStyleClass().add("caregiver-root");
        root.setId("caregiverRoot");
        questionPage = questionPage();
        loadingPage = loadingPage();
        endPage = endPage();
        blankPage = blankPage();
        passwordPage = passwordPage();
        vm.choices().addListener((ListChangeListener<Choice>) c -> showChoices());
        vm.pageProperty().addListener((o, was, now) -> refresh());
        vm.coverProperty().addListener((o, was, now) -> refresh());
        showChoices();
        refresh();
    }

    Parent root() {
        return root;
    }

    /** Keys for the whole window: Esc blanks at once; digits, Enter/→ and Backspace/← answer and move. */
    void attach(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        if (root.isDisabled() || e.isShortcutDown() || e.isAltDown()) {
            return; // the app's lock covers the window (its own password field takes the keys), or a shortcut
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.ESCAPE) {
            vm.blank();
            e.consume();
            return;
        }
        if (vm.coverProperty().get() == Cover.BLANK) {
            if (!code.isModifierKey()) {
                vm.askPasswordToShow();
            }
            e.consume();
            return;
        }
        if (vm.coverProperty().get() != Cover.NONE || vm.pageProperty().get() != Page.QUESTION
                || root.getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        int digit = digit(code);
        if (digit > 0) {
            vm.choose(digit);
        } else if (code == KeyCode.ENTER || code == KeyCode.RIGHT) {
            vm.next();
        } else if (code == KeyCode.BACK_SPACE || code == KeyCode.LEFT) {
            vm.back();
        } else {
            return;
        }
        e.consume();
        focusAnswer();
    }

    private static int digit(KeyCode code) {
        if (code.ordinal() >= KeyCode.DIGIT1.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            return code.ordinal() - KeyCode.DIGIT0.ordinal();
        }
        if (code.ordinal() >= KeyCode.NUMPAD1.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            return code.ordinal() - KeyCode.NUMPAD0.ordinal();
        }
        return 0;
    }

    // Only the page in front is in the window: under a cover there is nothing else to find.
    private void refresh() {
        Node front = switch (vm.coverProperty().get()) {
            case BLANK -> blankPage;
            case PASSWORD -> passwordPage;
            case NONE -> switch (vm.pageProperty().get()) {
                case LOADING -> loadingPage;
                case QUESTION -> questionPage;
                case END -> endPage;
            };
        };
        if (root.getChildren().size() != 1 || root.getChildren().get(0) != front) {
            root.getChildren().setAll(front);
        }
        if (front == passwordPage) {
            Platform.runLater(coverPassword::requestFocus);
        } else if (front == endPage) {
            Platform.runLater(endPassword::requestFocus);
        } else if (front == blankPage) {
            Platform.runLater(blankPage::requestFocus);
        } else if (front == questionPage) {
            Platform.runLater(this::focusAnswer);
        }
    }

    // A new question takes the focus itself (a screen reader reads it out), not its first answer, whose focus ring
    // could look chosen already; an answer given before keeps the focus when going back to it.
    private void focusAnswer() {
        if (root.getChildren().contains(questionPage) && !root.isDisabled() && root.getScene() != null) {
            Node focus = root.getScene().getFocusOwner();
            if (focus == null || !choiceButtons.contains(focus) && focus != declineButton) {
                choiceButtons.stream().filter(ToggleButton::isSelected).findFirst().map(Node.class::cast)
                        .orElse(questionLabel).requestFocus();
            }
        }
    }

    // ---- pages ----

    private Node questionPage() {
        Label greeting = label("greetingLabel", "caregiver-greeting");
        greeting.textProperty().bind(vm.greetingProperty());
        Button clinician = new Button(texts.get("caregiver.clinician"));
        clinician.setId("clinicianButton");
        clinician.getStyleClass().add("caregiver-clinician");
        clinician.setAccessibleText(texts.get("caregiver.clinician.accessible"));
        clinician.setOnAction(e -> vm.askToLeave());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(greeting, gap, clinician);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("caregiver-top");

        Label note = label("noteLabel", "caregiver-note");
        note.textProperty().bind(vm.noteProperty());
        showOnlyWithText(note);
        Label stem = label("stemLabel", "caregiver-stem");
        stem.textProperty().bind(vm.stemProperty());
        showOnlyWithText(stem);
        questionLabel.textProperty().bind(vm.questionProperty());
        Label multiHint = label("multiHint", "caregiver-hint");
        multiHint.setText(texts.get("caregiver.multiHint"));
        multiHint.visibleProperty().bind(vm.multiProperty());
        multiHint.managedProperty().bind(vm.multiProperty());
        choiceBox.getStyleClass().add("caregiver-choices");
        declineButton.setText(texts.get("caregiver.decline"));
        declineButton.setId("declineButton");
        declineButton.getStyleClass().add("caregiver-decline");
        declineButton.setMaxWidth(Double.MAX_VALUE);
        declineButton.selectedProperty().bind(vm.declinedProperty());
        declineButton.setOnAction(e -> vm.decline());
        VBox middle = new VBox(note, stem, questionLabel, multiHint, choiceBox, declineButton);
        middle.getStyleClass().add("caregiver-middle");
        middle.setFillWidth(true);
        middle.setMaxWidth(900);
        StackPane centred = new StackPane(middle);
        centred.setAlignment(Pos.TOP_CENTER);
        centred.getStyleClass().add("caregiver-center");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("caregiver-scroll");

        ProgressBar bar = new ProgressBar();
        bar.setId("progressBar");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.accessibleTextProperty().bind(vm.progressTextProperty());
        Label progress = label("progressLabel", "caregiver-progress");
        progress.textProperty().bind(vm.progressTextProperty());
        Button back = new Button(texts.get("caregiver.back"));
        back.setId("backButton");
        back.getStyleClass().add("caregiver-back");
        back.disableProperty().bind(vm.canBackProperty().not());
        back.setOnAction(e -> {
            vm.back();
            focusAnswer();
        });
        Button next = new Button(texts.get("caregiver.next"));
        next.setId("nextButton");
        next.getStyleClass().add("caregiver-next");
        next.disableProperty().bind(vm.canNextProperty().not());
        next.setOnAction(e -> {
            vm.next();
            focusAnswer();
        });
        VBox where = new VBox(progress, bar);
        where.getStyleClass().add("caregiver-where");
        where.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(where, Priority.ALWAYS);
        HBox bottom = new HBox(back, where, next);
        bottom.setAlignment(Pos.CENTER);
        bottom.getStyleClass().add("caregiver-bottom");
        bottom.setMaxWidth(900);
        StackPane bottomCentred = new StackPane(bottom);

        BorderPane page = new BorderPane(scroll);
        page.setTop(top);
        page.setBottom(bottomCentred);
        page.setId("questionPage");
        page.getStyleClass().add("caregiver-page");
        return page;
    }

    private void showChoices() {
        choiceButtons.clear();
        for (Choice c : vm.choices()) {
            ToggleButton b = new ToggleButton(c.text());
            Label number = new Label(Integer.toString(c.position()));
            number.getStyleClass().add("caregiver-choice-number");
            b.setGraphic(number);
            b.setId("choice" + c.position());
            b.getStyleClass().add("caregiver-choice");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setSelected(c.selected());
            b.setAccessibleText(c.position() + ". " + c.text());
            int position = c.position();
            b.setOnAction(e -> {
                vm.choose(position);
                focusAnswer();
            });
            choiceButtons.add(b);
        }
        choiceBox.getChildren().setAll(choiceButtons);
        if (root.getScene() != null) {
            Platform.runLater(this::focusAnswer);
        }
    }

    private Node loadingPage() {
        Label wait = label("loadingLabel", "caregiver-wait");
        wait.setText(texts.get("caregiver.loading"));
        StackPane page = new StackPane(wait);
        page.setId("loadingPage");
        page.getStyleClass().add("caregiver-page");
        return page;
    }

    private Node endPage() {
        Label thanks = label("thanksLabel", "caregiver-thanks");
        thanks.setText(texts.get("caregiver.thanks"));
        Label prompt = label("endPrompt", "caregiver-password-prompt");
        prompt.setText(texts.get("caregiver.password.prompt"));
        endPassword.setId("endPasswordField");
        passwordField(endPassword);
        endPassword.setOnAction(e -> vm.leaveFromEndPage());
        Button go = new Button(texts.get("caregiver.password.continue"));
        go.setId("endContinue");
        go.getStyleClass().add("caregiver-small-button");
        go.disableProperty().bind(vm.busyProperty());
        go.setOnAction(e -> vm.leaveFromEndPage());
        HBox entry = new HBox(endPassword, go);
        entry.getStyleClass().add("caregiver-password-row");
        entry.setAlignment(Pos.CENTER);
        Label message = label("endMessage", "caregiver-message");
        message.textProperty().bind(vm.messageProperty());
        showOnlyWithText(message);
        VBox box = new VBox(thanks, prompt, entry, message);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("caregiver-end");
        box.setMaxWidth(900);
        StackPane page = new StackPane(box);
        page.setId("endPage");
        page.getStyleClass().add("caregiver-page");
        return page;
    }

    private Node blankPage() {
        Label name = label("blankLabel", "caregiver-blank-name");
        name.setText(texts.get("caregiver.blank"));
        StackPane page = new StackPane(name);
        page.setId("blankPage");
        page.getStyleClass().add("caregiver-blank");
        page.setFocusTraversable(true);
        page.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> vm.askPasswordToShow());
        return page;
    }

    private Node passwordPage() {
        Label name = label("passwordPageName", "caregiver-blank-name");
        name.setText(texts.get("caregiver.blank"));
        Label prompt = label("passwordPrompt", "caregiver-password-prompt");
        prompt.setText(texts.get("caregiver.password.prompt"));
        coverPassword.setId("caregiverPassword");
        passwordField(coverPassword);
        coverPassword.setOnAction(e -> vm.submitPassword());
        Button go = new Button(texts.get("caregiver.password.continue"));
        go.setId("passwordContinue");
        go.getStyleClass().add("caregiver-small-button");
        go.disableProperty().bind(vm.busyProperty());
        go.setOnAction(e -> vm.submitPassword());
        HBox entry = new HBox(coverPassword, go);
        entry.getStyleClass().add("caregiver-password-row");
        entry.setAlignment(Pos.CENTER);
        Label message = label("passwordMessage", "caregiver-message");
        message.textProperty().bind(vm.messageProperty());
        showOnlyWithText(message);
        Button back = new Button(texts.get("caregiver.password.back"));
        back.setId("passwordBack");
        back.getStyleClass().add("caregiver-small-button");
        back.visibleProperty().bind(vm.leavingProperty());
        back.managedProperty().bind(vm.leavingProperty());
        back.setOnAction(e -> vm.cancelLeaving());
        VBox box = new VBox(name, prompt, entry, message, back);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("caregiver-password-box");
        StackPane page = new StackPane(box);
        page.setId("passwordPage");
        page.getStyleClass().add("caregiver-blank");
        return page;
    }

    private void passwordField(PasswordField field) {
        field.textProperty().bindBidirectional(vm.passwordProperty());
        field.setAccessibleText(texts.get("caregiver.password.field"));
        field.setPromptText(texts.get("caregiver.password.field"));
        field.getStyleClass().add("caregiver-password");
        field.disableProperty().bind(vm.busyProperty());
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Control.USE_PREF_SIZE);
        return l;
    }

    private static void showOnlyWithText(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }
}
