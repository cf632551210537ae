package care.tandem.ui.settings;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.CriticalRule;
import care.tandem.domain.screening.ImportMarks;
import care.tandem.domain.screening.Item;
import care.tandem.i18n.Texts;
import care.tandem.service.ImportPreview;
import care.tandem.service.InstrumentService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Instruments tab of Settings (administrators; ADR 0008): every version of every instrument, bundled and
 * imported, with its languages and which one new screens use; importing a FHIR Questionnaire after seeing what
 * will be imported and what Tandem cannot honour in it, with the clinic's critical items and positive threshold;
 * making another version current.
 */
public final class InstrumentsViewModel {
    private final Supplier<InstrumentService> service;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper canMakeCurrent = new ReadOnlyBooleanWrapper(this, "canMakeCurrent");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final ObservableList<CriticalChoice> criticalChoices = FXCollections.observableArrayList();
    private final StringProperty positiveAt = new SimpleStringProperty(this, "positiveAt", "");
    private final ReadOnlyBooleanWrapper hasTotal = new ReadOnlyBooleanWrapper(this, "hasTotal");
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper(this, "canImport");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");

    /** One version in the list. */
    public record Row(String instrument, String version, String title, String languages, String source,
                      String status, boolean current, boolean canBeCurrent) {
    }

    /** A question the clinic may mark critical (its answers carry points). */
    public static final class CriticalChoice {
        private final String linkId;
        private final String text;
        private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");
        private final boolean fixed;

        CriticalChoice(String linkId, String text, boolean chosen, boolean fixed) {
            this.linkId = linkId;
            this.text = text;
            this.chosen.set(chosen);
            this.fixed = fixed;
        }

        public String linkId() {
            return linkId;
        }

        /** The question's words, shortened for the list. */
        public String text() {
            return text;
        }

        public BooleanProperty chosen() {
            return chosen;
        }

        /** Critical by the file, a known critical item (PHQ-9 item 9) or the instrument it versions: not un-marked. */
        public boolean fixed() {
            return fixed;
        }
    }

    public InstrumentsViewModel(Supplier<InstrumentService> service, BackgroundRunner runner, DialogService dialogs,
                                Texts texts) {
        this.service = service;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        selected.addListener((obs, was, now) -> canMakeCurrent.set(now != null && !now.current() && now.canBeCurrent()));
    }

    /** Reads the versions. */
    public void load() {
        InstrumentService s = service.get();
        if (s == null) {
            return;
        }
        runner.read(s::versions, this::show, dialogs::showProblem);
    }

    private void show(List<InstrumentService.Version> versions) {
        Row was = selected.get();
        rows.setAll(versions.stream().map(this::row).toList());
        selected.set(was == null ? null : rows.stream().filter(r -> r.instrument().equals(was.instrument())
                && r.version().equals(was.version())).findFirst().orElse(null));
    }

    private Row row(InstrumentService.Version v) {
        String source = texts.get(v.bundled() ? "settings.instruments.source.bundled"
                : "settings.instruments.source." + v.kind().toLowerCase(Locale.ROOT));
        String status = v.current() ? texts.get("settings.instruments.status.current")
                : v.canBeCurrent() ? "" : texts.get("settings.instruments.status.never", v.whyNot());
        return new Row(v.instrument(), v.version(), v.title(), String.join(", ", v.languages()), source, status,
                v.current(), v.canBeCurrent());
    }

    /** Reads a file and shows what importing it would add; nothing is stored. */
    public void preview(Path chosen) {
        InstrumentService s = service.get();
        if (s == null || chosen == null || busy.get()) {
            return;
        }
        file.set(chosen);
        positiveAt.set("");
        criticalChoices.clear();
        describe(s, ImportMarks.none(), true);
    }

    /** Shows the preview again with the marks as they stand (after the threshold or a critical item changed). */
    public void checkAgain() {
        InstrumentService s = service.get();
        if (s == null || file.get() == null || busy.get()) {
            return;
        }
        ImportMarks marks;
        try {
            marks = marks();
        } catch (IllegalArgumentException e) {
            fail(texts.get("settings.instruments.positiveAt.invalid"));
            return;
        }
        describe(s, marks, false);
    }

    private void describe(InstrumentService s, ImportMarks marks, boolean fresh) {
        Path f = file.get();
        busy.set(true);
        message.set("");
        error.set(false);
        runner.read(() -> s.preview(f, marks), plan -> {
            busy.set(false);
            preview.setAll(lines(plan));
            if (fresh) {
                criticalChoices.setAll(choices(plan));
            }
            hasTotal.set(plan.instrument() != null && !plan.instrument().rules().totalItems().isEmpty());
            canImport.set(true);
        }, failure -> {
            busy.set(false);
            canImport.set(false);
            preview.clear();
            if (fresh) {
                criticalChoices.clear();
            }
            refused(failure);
        });
    }

    private List<String> lines(ImportPreview p) {
        List<String> out = new ArrayList<>();
        out.add(switch (p.kind()) {
            case "VERSION" -> texts.get("settings.instruments.preview.version", p.title(), p.versionOf(), p.version(),
                    texts.get("cli.import.by." + p.recognisedBy()));
            case "TRANSLATION" -> texts.get("settings.instruments.preview.translation", p.title(), p.versionOf(),
                    String.join(", ", p.languages()));
            default -> texts.get("settings.instruments.preview.new", p.title(), p.id(), p.version());
        });
        if (p.urlGenerated()) {
            out.add(texts.get("cli.import.url", p.url()));
        }
        out.add(texts.get("cli.import.languages", String.join(", ", p.languages())));
        if (p.instrument() != null) {
            out.add(texts.get("settings.instruments.preview.questions", p.instrument().items().size(),
                    p.instrument().rules().totalItems().isEmpty() ? texts.get("settings.instruments.preview.noTotal")
                            : texts.get("settings.instruments.preview.total", p.instrument().rules().totalItems().size())));
        }
        if (p.notHonoured().isEmpty()) {
            out.add(texts.get("cli.import.allHonoured"));
        } else {
            out.add(texts.get("cli.import.notHonoured", p.notHonoured().size()));
            p.notHonoured().forEach(n -> out.add("• " + n));
        }
        return out;
    }

    private static List<CriticalChoice> choices(ImportPreview p) {
        if (p.instrument() == null) {
            return List.of();
        }
        Set<String> critical = new java.util.HashSet<>();
        p.instrument().rules().critical().stream().map(CriticalRule::item).forEach(critical::add);
        List<CriticalChoice> out = new ArrayList<>();
        for (Map.Entry<String, String> e : p.linkIds().entrySet()) {
            Item item = p.instrument().item(e.getValue()).orElse(null);
            if (item == null || item.options().stream().noneMatch(o -> o.points() != null && o.points() > 0)) {
                continue;
            }
            String words = item.text().in("en");
            if (words.length() > 90) {
                words = words.substring(0, 87) + "…";
            }
            boolean fixed = critical.contains(item.code());
            out.add(new CriticalChoice(e.getKey(), item.number() + ". " + words, fixed, fixed));
        }
        return out;
    }

    private ImportMarks marks() {
        List<String> critical = criticalChoices.stream().filter(c -> c.chosen().get() && !c.fixed())
                .map(CriticalChoice::linkId).toList();
        String n = positiveAt.get() == null ? "" : positiveAt.get().strip();
        Integer at = n.isEmpty() ? null : Integer.valueOf(n);
        return new ImportMarks(critical, at);
    }

    /** Imports the file previewed, with the marks as they stand. */
    public void importFile() {
        InstrumentService s = service.get();
        if (s == null || file.get() == null || busy.get() || !canImport.get()) {
            return;
        }
        ImportMarks marks;
        try {
            marks = marks();
        } catch (IllegalArgumentException e) {
            fail(texts.get("settings.instruments.positiveAt.invalid"));
            return;
        }
        Path f = file.get();
        busy.set(true);
        runner.write(() -> s.importFile(f, marks), q -> {
            busy.set(false);
            file.set(null);
            preview.clear();
            criticalChoices.clear();
            positiveAt.set("");
            canImport.set(false);
            error.set(false);
            message.set(texts.get("settings.instruments.imported", q.instrument(), q.version()));
            load();
        }, failure -> {
            busy.set(false);
            refused(failure);
        });
    }

    /** Makes the selected version the one new screens use. */
    public void makeCurrent() {
        InstrumentService s = service.get();
        Row r = selected.get();
        if (s == null || r == null || busy.get() || !canMakeCurrent.get()) {
            return;
        }
        if (!dialogs.confirm("settings.instruments.current.title", "settings.instruments.current.message",
                r.instrument(), r.version())) {
            return;
        }
        busy.set(true);
        runner.write(() -> {
            s.makeCurrent(r.instrument(), r.version());
            return r;
        }, done -> {
            busy.set(false);
            error.set(false);
            message.set(texts.get("settings.instruments.madeCurrent", done.instrument(), done.version()));
            load();
        }, failure -> {
            busy.set(false);
            refused(failure);
        });
    }

    /** A refused file or version is explained on the tab; anything else goes to the problem dialog. */
    private void refused(Throwable failure) {
        if (failure instanceof ProblemException p && (p.problem() == Problem.QUESTIONNAIRE_REFUSED
                || p.problem() == Problem.INSTRUMENT_VERSION_REFUSED)) {
            fail(texts.problem(p));
        } else {
            dialogs.showProblem(failure);
        }
    }

    private void fail(String text) {
        error.set(true);
        message.set(text);
    }

    /** Whether a file was chosen and not yet imported. */
    public boolean hasUnsavedChanges() {
        return file.get() != null;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selected() {
        return selected;
    }

    public ReadOnlyBooleanProperty canMakeCurrent() {
        return canMakeCurrent.getReadOnlyProperty();
    }

    /** The file chosen for import, or null. */
    public ObjectProperty<Path> file() {
        return file;
    }

    /** What the chosen file will add, then what Tandem cannot honour in it. */
    public ObservableList<String> preview() {
        return preview;
    }

    public ObservableList<CriticalChoice> criticalChoices() {
        return criticalChoices;
    }

    /** The clinic's positive threshold, digits; empty to keep the file's (or the published) rule. */
    public StringProperty positiveAt() {
        return positiveAt;
    }

    /** Whether the previewed file has a total a threshold can apply to. */
    public ReadOnlyBooleanProperty hasTotal() {
        return hasTotal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canImport() {
        return canImport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message says what went wrong (shown as such). */
    public ReadOnlyBooleanProperty error() {
        return error.getReadOnlyProperty();
    }
}
