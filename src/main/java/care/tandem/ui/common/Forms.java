package care.tandem.ui.common;

import care.tandem.i18n.Texts;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Function;

/** Small helpers the screens share: labels tied to their fields, messages that take room only when shown. */
public final class Forms {
    private Forms() {
    }

    /**
     * In every container with the style class {@code form-field} (or {@code language-row}), ties the first
     * label to the first control after it, so a screen reader names the field and the label's mnemonic
     * focuses it.
     */
    public static void linkLabels(Parent root) {
        for (Node n : root.lookupAll(".form-field")) {
            link(n);
        }
        for (Node n : root.lookupAll(".language-row")) {
            link(n);
        }
    }

    private static void link(Node container) {
        if (!(container instanceof Parent p)) {
            return;
        }
        Label label = null;
        for (Node child : p.getChildrenUnmodifiable()) {
            if (label == null && child instanceof Label l) {
                label = l;
            } else if (label != null && child instanceof Control c && !(child instanceof Labeled)) {
                label.setLabelFor(c);
                if (c.getAccessibleText() == null) {
                    c.setAccessibleText(label.getText());
                }
                return;
            }
        }
    }

    /** Ties a label to its field, so a screen reader names the field and the label's mnemonic focuses it. */
    public static void link(Label label, Control field) {
        label.setLabelFor(field);
        field.setAccessibleText(label.getText());
    }

    /** Shows the items of a choice as words; a choice of fixed items never reads text back. */
    public static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** A label that takes up room only while it has text (inline errors, status lines). */
    public static void collapseWhenEmpty(Labeled label) {
        label.managedProperty().bind(label.visibleProperty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
    }

    /** Fills a language choice with Tandem's languages, each named in itself ("English", "Español"). */
    public static void languages(ChoiceBox<Locale> choice, Texts texts) {
        choice.setItems(FXCollections.observableArrayList(Texts.LANGUAGES));
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : texts.get("language." + l.getLanguage());
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
    }
}
