package care.tandem.ui.family;

import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;
import care.tandem.domain.family.ValidationProblem;
import care.tandem.domain.family.ValidationProblem.Field;
import care.tandem.i18n.Texts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.Validator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One member's part of the family form: a card with a heading, the fields in reading order (so Tab goes
 * through them as written), and inline ControlsFX validation from the per-field rules. A field shows its
 * problem once it was changed, or once a save was tried.
 */
final class MemberSection {
    private static final String ID_SUFFIX = "familyIdSuffix";
    private static final String LABEL_KEY = "familyLabelKey";
    private static final String MESSAGE = "familyMessage";

    private final MemberForm member;
    private final FamilyEditorViewModel model;
    private final Texts texts;
    private final FamilyFormat format;
    private final String kind;
    private final VBox root = new VBox(8);
    private final Label heading = new Label();
    private final Button removeButton = new Button();
    private final GridPane grid = new GridPane();
    private final FieldValidation validation;
    private final Set<Control> touched = new HashSet<>();
    private final List<Node> idNodes = new ArrayList<>();
    private final Map<Field, Control> fields = new EnumMap<>(Field.class);
    private final List<Control> validated = new ArrayList<>();
    private TextField givenName;

    MemberSection(MemberForm member, FamilyEditorViewModel model, FieldValidation validation, Runnable onRemove) {
        this.member = member;
        this.model = model;
        this.validation = validation;
        this.format = model.format();
        this.texts = format.texts();
        this.kind = member.isChild() ? "child" : "caregiver";
        root.getStyleClass().addAll("family-member-card", "family-member-form");
        heading.getStyleClass().add("family-member-heading");
        removeButton.setText(texts.get(member.isChild() ? "family.edit.removeChild" : "family.edit.removeCaregiver"));
        removeButton.getStyleClass().add("family-remove");
        removeButton.setOnAction(e -> onRemove.run());
        removeButton.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, heading, spacer, removeButton);
        head.setAlignment(Pos.CENTER_LEFT);
        grid.setHgap(14);
        grid.setVgap(6);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        root.getChildren().addAll(head, grid);
        if (member.isChild()) {
            buildChild();
        } else {
            buildCaregiver();
        }
    }

    private void buildChild() {
        givenName = text("GivenName", "family.field.givenName", member.givenNameProperty(), Field.GIVEN_NAME);
        TextField familyName = text("FamilyName", "family.field.familyName", member.familyNameProperty(),
                Field.FAMILY_NAME);
        Node birth = birthDate();
        grid.addRow(0, cell(givenName), cell(familyName), birth);
        grid.addRow(1, cell(sex()), cell(language()), checkCell(interpreter()));
        Node mediCal = cell(text("MediCalId", "family.field.mediCalId", member.mediCalIdProperty(), Field.MEDI_CAL_ID));
        Node notes = cell(text("Notes", "family.field.notes", member.notesProperty(), null));
        grid.add(mediCal, 0, 2);
        grid.add(notes, 1, 2, 2, 1);
    }

    private void buildCaregiver() {
        givenName = text("GivenName", "family.field.givenName", member.givenNameProperty(), Field.GIVEN_NAME);
        TextField familyName = text("FamilyName", "family.field.familyName", member.familyNameProperty(),
                Field.FAMILY_NAME);
        grid.addRow(0, cell(givenName), cell(familyName), cell(relationship()));
        TextField phone = text("Phone", "family.field.phone", member.phoneProperty(), Field.PHONE);
        grid.addRow(1, cell(phone), birthDate(), cell(sex()));
        grid.addRow(2, cell(language()), checkCell(interpreter()));
        FlowPane contact = new FlowPane(16, 6,
                check("OkToCall", "family.field.okToCall", member.okToCallProperty()),
                check("OkToText", "family.field.okToText", member.okToTextProperty()),
                check("OkToLeaveMessage", "family.field.okToLeaveMessage", member.okToLeaveMessageProperty()));
        Label contactLabel = new Label(texts.get("family.field.contact"));
        contactLabel.getStyleClass().add("family-field-label");
        grid.add(new VBox(4, contactLabel, contact), 0, 3, 3, 1);
        CheckBox restricted = check("Restricted", "family.field.restricted", member.restrictedProperty());
        restricted.setGraphic(FamilyIcons.lock());
        restricted.getStyleClass().add("family-restricted-check");
        grid.add(check("MayConsent", "family.field.mayConsent", member.mayConsentProperty()), 0, 4);
        grid.add(restricted, 1, 4, 2, 1);
        Node mediCal = cell(text("MediCalId", "family.field.mediCalId", member.mediCalIdProperty(), Field.MEDI_CAL_ID));
        Node notes = cell(text("Notes", "family.field.notes", member.notesProperty(), null));
        grid.add(mediCal, 0, 5);
        grid.add(notes, 1, 5, 2, 1);
    }

    /** Numbers the card ("Child 2"), gives its fields ids unique in the window and enables Remove. */
    void setIndex(int index, boolean removable) {
        heading.setText(texts.get(member.isChild() ? "family.edit.childHeading" : "family.edit.caregiverHeading",
                index + 1));
        removeButton.setDisable(!removable);
        removeButton.setId(kind + "Remove" + index);
        root.setId(kind + "Section" + index);
        for (Node node : idNodes) {
            node.setId(kind + node.getProperties().get(ID_SUFFIX) + index);
        }
    }

    VBox root() {
        return root;
    }

    Control firstField() {
        return givenName;
    }

    /** The controls this card registered for validation, to let go of when the member is removed. */
    List<Control> validatedControls() {
        return List.copyOf(validated);
    }

    /** The control where {@code field} is typed, to put the cursor on a problem; empty if it has none. */
    Optional<Control> field(Field field) {
        return Optional.ofNullable(fields.get(field));
    }

    private TextField text(String id, String labelKey, StringProperty property, Field field) {
        TextField text = new TextField();
        identify(text, id, labelKey);
        text.textProperty().bindBidirectional(property);
        if (field != null) {
            text.textProperty().addListener((obs, old, value) -> touched.add(text));
            validate(text, text, field, id);
        }
        return text;
    }

    private Node birthDate() {
        DatePicker picker = new DatePicker();
        picker.setConverter(new TypedDateConverter());
        picker.setEditable(true);
        picker.setValue(member.birthDateProperty().get());
        picker.setPromptText(texts.get("family.field.datePrompt"));
        picker.setMaxWidth(Double.MAX_VALUE);
        identify(picker, "BirthDate", member.isChild() ? "family.field.birthDate" : "family.field.birthDateOptional");
        TextField editor = picker.getEditor();
        editor.setText(member.birthDateTextProperty().get());
        editor.textProperty().bindBidirectional(member.birthDateTextProperty());
        editor.setAccessibleText(picker.getAccessibleText());
        // A date picked from the calendar lands in the typed text, which the form reads.
        picker.valueProperty().addListener((obs, old, date) -> {
            if (date != null) {
                member.birthDateTextProperty().set(DateInput.format(date));
                touched.add(editor);
            }
        });
        // Half-typed dates are not flagged while typing; leaving the field checks them.
        picker.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                touched.add(editor);
                validation.revalidate(editor);
            }
        });
        validate(editor, picker, Field.BIRTH_DATE, "BirthDate");
        return new VBox(4, label(picker, labelKeyOf(picker)), picker, (Label) editor.getProperties().get(MESSAGE));
    }

    private ComboBox<Relationship> relationship() {
        ComboBox<Relationship> box = new ComboBox<>(FXCollections.observableArrayList(Relationship.values()));
        box.setConverter(converter(format::relationship));
        box.valueProperty().bindBidirectional(member.relationshipProperty());
        identify(box, "Relationship", "family.field.relationship");
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((obs, old, value) -> touched.add(box));
        validate(box, box, Field.RELATIONSHIP, "Relationship");
        return box;
    }

    private ComboBox<Sex> sex() {
        ComboBox<Sex> box = new ComboBox<>(FXCollections.observableArrayList(Sex.values()));
        box.setConverter(converter(format::sex));
        box.valueProperty().bindBidirectional(member.sexProperty());
        box.setPromptText(texts.get("family.field.notRecorded"));
        identify(box, "Sex", "family.field.sex");
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private ComboBox<String> language() {
        List<String> codes = new ArrayList<>(FamilyFormat.LANGUAGES);
        String current = member.languageProperty().get();
        if (current != null && !current.isBlank() && !codes.contains(current)) {
            codes.add(codes.size() - 1, current);
        }
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(codes));
        box.setConverter(converter(format::language));
        box.valueProperty().bindBidirectional(member.languageProperty());
        identify(box, "Language", "family.field.language");
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private CheckBox interpreter() {
        return check("Interpreter", "family.field.interpreter", member.interpreterNeededProperty());
    }

    private CheckBox check(String id, String labelKey, BooleanProperty property) {
        CheckBox box = new CheckBox(texts.get(labelKey));
        idNodes.add(tag(box, id));
        box.selectedProperty().bindBidirectional(property);
        box.setWrapText(true);
        box.setAccessibleText(texts.get(labelKey));
        return box;
    }

    private void identify(Control control, String id, String labelKey) {
        control.getProperties().put(LABEL_KEY, labelKey);
        control.setAccessibleText(texts.get(labelKey));
        idNodes.add(tag(control, id));
    }

    private static Node tag(Node node, String suffix) {
        node.getProperties().put(ID_SUFFIX, suffix);
        return node;
    }

    private static String labelKeyOf(Control control) {
        return (String) control.getProperties().get(LABEL_KEY);
    }

    private void validate(Control control, Control styled, Field field, String id) {
        Label message = new Label();
        idNodes.add(tag(message, id + "Message"));
        control.getProperties().put(MESSAGE, message);
        fields.put(field, styled);
        Validator<Object> validator = (c, value) -> {
            if (!model.showAllProblemsProperty().get() && !touched.contains(c)) {
                return new ValidationResult();
            }
            return model.check(member, field).map(p -> result(c, p)).orElseGet(ValidationResult::new);
        };
        validation.register(control, message, styled, validator);
        validated.add(control);
    }

    private ValidationResult result(Control control, ValidationProblem problem) {
        String text = texts.get(problem.messageKey());
        return problem.isError() ? ValidationResult.fromError(control, text) : ValidationResult.fromWarning(control, text);
    }

    private Node cell(Control control) {
        VBox cell = new VBox(4, label(control, labelKeyOf(control)), control);
        Object message = control.getProperties().get(MESSAGE);
        if (message instanceof Label m) {
            cell.getChildren().add(m);
        }
        return cell;
    }

    private Node checkCell(CheckBox box) {
        VBox cell = new VBox(box);
        cell.setAlignment(Pos.BOTTOM_LEFT);
        cell.setMinHeight(Region.USE_PREF_SIZE);
        GridPane.setValignment(cell, VPos.BOTTOM);
        box.setPadding(new Insets(0, 0, 6, 0));
        return cell;
    }

    private Label label(Control control, String key) {
        Label label = new Label(texts.get(key));
        label.setLabelFor(control);
        label.getStyleClass().add("family-field-label");
        label.setWrapText(true);
        return label;
    }

    private static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }
}
