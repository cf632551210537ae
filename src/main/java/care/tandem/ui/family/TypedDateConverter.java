package care.tandem.ui.family;

import javafx.util.StringConverter;

import java.time.LocalDate;

/**
 * The date picker's converter: reads MM/DD/YYYY and the other forms {@link DateInput} knows, and when the
 * text is not a date it keeps that text (the picker then shows it again instead of silently wiping it),
 * so the form can point at it.
 */
public final class TypedDateConverter extends StringConverter<LocalDate> {
    private String unreadable = "";

    @Override
    public String toString(LocalDate date) {
        return date == null ? unreadable : DateInput.format(date);
    }

    @Override
    public LocalDate fromString(String text) {
        LocalDate date = DateInput.parse(text).orElse(null);
        unreadable = date == null && text != null ? text : "";
        return date;
    }
}
