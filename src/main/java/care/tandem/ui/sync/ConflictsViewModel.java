package care.tandem.ui.sync;

import care.tandem.domain.sync.SyncConflict;
import care.tandem.i18n.Texts;
import care.tandem.service.SyncService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.FormatLocale;
import care.tandem.ui.common.ProblemTexts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The conflicts screen: each open conflict (the record, the field, the value kept and the other, with who wrote each
 * and when); the person keeps one, uses the other, or types the right value, and the choice is written as a new change
 * that reaches every laptop. Resolved conflicts stay, shown with the choice, when asked for.
 */
public final class ConflictsViewModel {
    /** What the person chose. */
    public enum Choice { KEEP, OTHER, TYPED }

    /** One conflict as the list shows it. */
    public record Row(SyncService.ConflictView view, String title, String kept, String keptBy, String other,
                      String otherBy, String resolved) {
        public SyncConflict conflict() {
            return view.conflict();
        }

        /** Whether a value can be chosen or typed (a field), rather than only marked as checked (a whole record). */
        public boolean choosable() {
            return !view.conflict().wholeRecord();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncService sync;
    private final BackgroundRunner runner;
    private final Texts texts;
    private final ZoneId zone;
    private final DateTimeFormatter when;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty showResolved = new SimpleBooleanProperty();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(Choice.KEEP);
    private final StringProperty typed = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public ConflictsViewModel(SyncService sync, BackgroundRunner runner, Texts texts, ZoneId zone) {
        this.sync = sync;
        this.runner = runner;
        this.texts = texts;
        this.zone = zone;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(FormatLocale.of(texts)).withZone(zone);
        showResolved.addListener((o, was, now) -> load());
        selected.addListener((o, was, now) -> {
            choice.set(Choice.KEEP);
            typed.set(now == null || !now.choosable() ? "" : plain(now.conflict().keptValue()));
            error.set("");
        });
    }

    /** Reads the conflicts (open ones, or all with the resolved). */
    public void load() {
        boolean all = showResolved.get();
        runner.read(() -> sync.conflicts(!all), list -> {
            List<Row> out = new ArrayList<>();
            for (SyncService.ConflictView v : list) {
                out.add(row(v));
            }
            rows.setAll(out);
            if (!rows.isEmpty() && (selected.get() == null || !rows.contains(selected.get()))) {
                selected.set(rows.get(0));
            }
        }, failure -> error.set(ProblemTexts.describe(failure, texts)));
    }

    Row row(SyncService.ConflictView v) {
        SyncConflict k = v.conflict();
        String entityKey = "conflicts.entity." + k.entity();
        String entity = texts.bundle().containsKey(entityKey) ? texts.get(entityKey) : k.entity();
        String field = k.wholeRecord() ? texts.get("conflicts.field.whole")
                : texts.bundle().containsKey("conflicts.field." + k.field()) ? texts.get("conflicts.field." + k.field())
                : k.field().replace('_', ' ');
        String title = entity + " · " + field + (v.record().isBlank() ? "" : " — " + v.record());
        String resolved = k.open() ? "" : texts.get("conflicts.resolved",
                v.resolvedByName() == null ? "—" : v.resolvedByName(),
                k.resolvedAt() == null ? "" : when.format(k.resolvedAt()), shown(k.resolution()));
        return new Row(v, title, shown(k.keptValue()), by(v.keptByName(), k.keptAt()), shown(k.otherValue()),
                by(v.otherByName(), k.otherAt()), resolved);
    }

    private String by(String name, Instant at) {
        return name == null ? texts.get("conflicts.byUnknown", when.format(at))
                : texts.get("conflicts.by", name, when.format(at));
    }

    /** A value as a person reads it: text without quotes, "(empty)" for nothing, a record's fields one by one. */
    String shown(String json) {
        if (json == null) {
            return texts.get("conflicts.empty.value");
        }
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty())) {
                return texts.get("conflicts.empty.value");
            }
            if (n.isObject()) {
                List<String> parts = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> it = n.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    parts.add(e.getKey().replace('_', ' ') + ": "
                            + (e.getValue().isNull() ? texts.get("conflicts.empty.value")
                            : abbreviate(e.getValue().asText())));
                }
                return String.join("; ", parts);
            }
            return n.asText();
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    private static String plain(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n == null || n.isNull() ? "" : n.asText();
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    /** Resolves the selected conflict with the chosen value; then the list is read again. */
    public void resolve() {
        Row r = selected.get();
        if (r == null || !r.conflict().open()) {
            return;
        }
        String value;
        if (!r.choosable()) {
            value = null;
        } else if (choice.get() == Choice.KEEP) {
            value = r.conflict().keptValue();
        } else if (choice.get() == Choice.OTHER) {
            value = r.conflict().otherValue();
        } else {
            value = typedJson(r);
        }
        runner.write(() -> {
            sync.resolve(r.conflict().id(), value);
            return null;
        }, done -> {
            selected.set(null);
            load();
        }, failure -> error.set(ProblemTexts.describe(failure, texts)));
    }

    /** The typed value as JSON: a number stays a number when both values were numbers, else text. */
    private String typedJson(Row r) {
        String text = typed.get().strip();
        try {
            JsonNode kept = JSON.readTree(r.conflict().keptValue());
            if (kept != null && kept.isNumber() && text.matches("-?\\d+")) {
                return text;
            }
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public BooleanProperty showResolved() {
        return showResolved;
    }

    public ObjectProperty<Row> selected() {
        return selected;
    }

    public ObjectProperty<Choice> choice() {
        return choice;
    }

    public StringProperty typed() {
        return typed;
    }

    public StringProperty error() {
        return error;
    }

    public ZoneId zone() {
        return zone;
    }
}
