package care.tandem.ui.family;

import care.tandem.domain.family.ValidationProblem;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the New/Edit family window: one card per member (children, then caregivers), the household
 * fields, Save (Ctrl+S) and Cancel (Esc), which asks before throwing changes away.
 */
public final class FamilyEditorController {
    /** Room kept around a focused field when scrolling to it, so its label and message show too. */
    private static final double FOCUS_MARGIN = 48;

    private final Map<MemberForm, MemberSection> sections = new HashMap<>();
    private final FieldValidation validation = new FieldValidation();
    private FamilyEditorViewModel model;
    private Stage stage;
    private Node focusBeforeSave;

    @FXML private BorderPane root;
    @FXML private ScrollPane formScroll;
    @FXML private VBox form;
    @FXML private VBox childrenBox;
    @FXML private VBox caregiversBox;
    @FXML private Button addChildButton;
    @FXML private Button addCaregiverButton;
    @FXML private CheckBox protectiveOrderCheck;
    @FXML private TextArea restrictionNoteArea;
    @FXML private TextArea familyNotesArea;
    @FXML private Label formMessageLabel;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;

    FamilyEditorController() {
    }

    @FXML
    private void initialize() {
        tabLeaves(restrictionNoteArea);
        tabLeaves(familyNotesArea);
    }

    /** Binds the window to its view model; Ctrl+S saves, Esc and the window's close button cancel. */
    void attach(FamilyEditorViewModel editor, Stage window) {
        this.model = editor;
        this.stage = window;
        protectiveOrderCheck.selectedProperty().bindBidirectional(editor.protectiveOrderProperty());
        restrictionNoteArea.textProperty().bindBidirectional(editor.restrictionNoteProperty());
        familyNotesArea.textProperty().bindBidirectional(editor.notesProperty());
        formMessageLabel.textProperty().bind(editor.formMessageProperty());
        saveButton.disableProperty().bind(editor.savingProperty());
        // Read-only from Save until the outcome: nothing typed meanwhile could be kept, so nothing can be typed.
        form.disableProperty().bind(editor.savingProperty());
        editor.savingProperty().addListener((obs, was, saving) -> keepFocusAcross(saving));
        editor.showAllProblemsProperty().addListener((obs, old, all) -> validation.revalidate());
        editor.problems().addListener((ListChangeListener<ValidationProblem>) change -> validation.revalidate());
        track(editor.children(), childrenBox);
        track(editor.caregivers(), caregiversBox);
        window.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                this::save);
        window.getScene().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancel();
            }
        });
        window.getScene().focusOwnerProperty().addListener((obs, old, focused) -> {
            if (focused != null) {
                scrollIntoView(focused);
            }
        });
        window.setOnCloseRequest(e -> {
            if (!editor.mayClose()) {
                e.consume();
            }
        });
    }

    /** Puts the cursor in the first child's given name. */
    void focusFirstField() {
        if (!model.children().isEmpty()) {
            sections.get(model.children().get(0)).firstField().requestFocus();
        }
    }

    @FXML
    private void addChild() {
        MemberForm child = model.addChild();
        sections.get(child).firstField().requestFocus();
    }

    @FXML
    private void addCaregiver() {
        MemberForm caregiver = model.addCaregiver();
        sections.get(caregiver).firstField().requestFocus();
    }

    @FXML
    private void save() {
        model.save();
        // Straight to the first field that blocks the save (the form scrolls to it).
        model.problems().stream()
                .filter(p -> p.isError() && p.memberId() != null)
                .findFirst()
                .flatMap(p -> model.member(p.memberId()).map(sections::get).flatMap(s -> s.field(p.field())))
                .ifPresent(Control::requestFocus);
    }

    @FXML
    private void cancel() {
        if (model.mayClose()) {
            stage.close();
        }
    }

    private void track(ObservableList<MemberForm> members, VBox box) {
        members.addListener((ListChangeListener<MemberForm>) change -> layOut(members, box));
        layOut(members, box);
    }

    private void layOut(List<MemberForm> members, VBox box) {
        sections.entrySet().removeIf(entry -> {
            MemberForm m = entry.getKey();
            boolean removed = !model.children().contains(m) && !model.caregivers().contains(m);
            if (removed) {
                validation.forget(entry.getValue().validatedControls());
            }
            return removed;
        });
        box.getChildren().clear();
        for (int i = 0; i < members.size(); i++) {
            MemberForm member = members.get(i);
            MemberSection section = sections.computeIfAbsent(member,
                    m -> new MemberSection(m, model, validation, () -> model.remove(m)));
            section.setIndex(i, members.size() > 1);
            box.getChildren().add(section.root());
        }
    }

    /** Puts the cursor back where it was once a save that failed makes the form editable again. */
    private void keepFocusAcross(boolean saving) {
        if (saving) {
            focusBeforeSave = stage.getScene().getFocusOwner();
        } else if (focusBeforeSave != null && stage.isShowing()) {
            focusBeforeSave.requestFocus();
            focusBeforeSave = null;
        }
    }

    /** Keeps the field with the cursor in view while Tab moves down the form. */
    private void scrollIntoView(Node node) {
        Node content = formScroll.getContent();
        if (content == null || !isInside(node, content)) {
            return;
        }
        Bounds field = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewHeight = formScroll.getViewportBounds().getHeight();
        if (field == null || contentHeight <= viewHeight) {
            return;
        }
        double scrollable = contentHeight - viewHeight;
        double top = scrollable * formScroll.getVvalue();
        if (field.getMinY() - FOCUS_MARGIN < top) {
            top = field.getMinY() - FOCUS_MARGIN;
        } else if (field.getMaxY() + FOCUS_MARGIN > top + viewHeight) {
            top = field.getMaxY() + FOCUS_MARGIN - viewHeight;
        } else {
            return;
        }
        formScroll.setVvalue(Math.max(0, Math.min(1, top / scrollable)));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** In a notes area Tab moves on, as everywhere else in the form, instead of typing a tab. */
    private static void tabLeaves(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(e.getSource(), area, KeyEvent.KEY_PRESSED, e.getCharacter(), e.getText(),
                        e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });
    }
}
