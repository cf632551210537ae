package care.tandem.ui.screening;

import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.Band;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Rule;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningDomain;
import care.tandem.i18n.Texts;
import care.tandem.service.ScreeningService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.common.FormatLocale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One caregiver's finished results with one instrument, oldest first: the points of the trend chart (complete
 * results only; an incomplete one has no total), the instrument's band thresholds and positive threshold as
 * labelled lines, and one row per result in words. Instruments without a total (Hunger Vital Sign, AHC HRSN) get
 * rows of positive domains instead of a chart; a private domain (interpersonal safety) shows only "Private".
 */
public final class TrendViewModel {

    /** A point of the chart: the day (epoch day) a result was finished and its total. */
    public record Point(long epochDay, int total) {
    }

    /** A horizontal line across the chart at {@code value}, named in words. */
    public record Threshold(int value, String label, boolean positive) {
    }

    /**
     * A result in words. {@code total}: the number, or "Incomplete"; {@code needs}: for instruments without a
     * total, the positive domains in words; {@code privateDomain}: "Private" where the instrument has one.
     */
    public record Row(LocalDate date, String dateText, String total, String band, String outcome, String needs,
                      String privateDomain, String language, String mode, boolean incomplete) {
    }

    private final ScreeningService screening;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final UUID subjectId;
    private final String instrumentId;
    private final ZoneId zone;
    private final DateTimeFormatter dateFormat;

    private final ObservableList<Point> points = FXCollections.observableArrayList();
    private final ObservableList<Threshold> thresholds = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty hasTotal = new SimpleBooleanProperty(true);
    private final BooleanProperty hasPrivateDomain = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final IntegerProperty maxTotal = new SimpleIntegerProperty();
    private final StringProperty instrumentName = new SimpleStringProperty("");
    private final StringProperty emptyText = new SimpleStringProperty("");
    private final StringProperty heading = new SimpleStringProperty("");

    /** @param zone the time zone a result's finishing instant is read in to give its date */
    public TrendViewModel(ScreeningService screening, BackgroundRunner runner, DialogService dialogs, Texts texts,
                          UUID subjectId, String instrumentId, ZoneId zone) {
        this.screening = screening;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        this.subjectId = subjectId;
        this.instrumentId = instrumentId;
        this.zone = zone;
        this.dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(FormatLocale.of(texts));
        instrumentName.set(texts.get("instrument." + instrumentId + ".name"));
        heading.set(texts.get("trend.heading", instrumentName.get()));
        emptyText.set(texts.get("trend.empty", instrumentName.get()));
    }

    private record Loaded(Instrument instrument, List<Screening> history) {
    }

    /** Reads the instrument and the history in the background. */
    public void load() {
        loading.set(true);
        runner.read(() -> new Loaded(screening.instruments().get(instrumentId),
                screening.history(subjectId, instrumentId)), l -> {
            loading.set(false);
            show(l.instrument(), l.history());
        }, failure -> {
            loading.set(false);
            dialogs.showProblem(failure);
        });
    }

    /** Fills the chart and the rows from an instrument and its results, oldest first. */
    void show(Instrument instrument, List<Screening> history) {
        boolean total = !instrument.rules().totalItems().isEmpty();
        hasTotal.set(total);
        hasPrivateDomain.set(instrument.rules().domains().stream().anyMatch(ScreeningDomain::privateDomain));
        maxTotal.set(total ? maxTotal(instrument) : 0);
        thresholds.setAll(total ? thresholds(instrument) : List.of());
        List<Point> newPoints = new ArrayList<>();
        List<Row> newRows = new ArrayList<>();
        for (Screening x : history) {
            LocalDate date = dateOf(x);
            Score s = x.score();
            if (total && s != null && s.complete() && s.total() != null) {
                newPoints.add(new Point(date.toEpochDay(), s.total()));
            }
            newRows.add(row(instrument, x, date, total));
        }
        points.setAll(newPoints);
        rows.setAll(newRows);
        loaded.set(true);
    }

    private LocalDate dateOf(Screening x) {
        Instant at = x.completedAt() != null ? x.completedAt() : x.startedAt();
        return at.atZone(zone).toLocalDate();
    }

    /** The highest total the instrument allows: the top of its last band, else the sum of its items' maxima. */
    static int maxTotal(Instrument instrument) {
        List<Band> bands = instrument.rules().bands();
        if (!bands.isEmpty()) {
            return bands.get(bands.size() - 1).max();
        }
        int sum = 0;
        for (String code : instrument.rules().totalItems()) {
            Item item = instrument.item(code).orElse(null);
            if (item == null) {
                continue;
            }
            if (item.max() != null) {
                sum += item.max();
            } else {
                sum += item.options().stream().map(AnswerOption::points).filter(p -> p != null)
                        .mapToInt(Integer::intValue).max().orElse(0);
            }
        }
        return sum;
    }

    /**
     * Each band's lower bound but the first, named by the band, and the positive threshold of the instrument's
     * sum (or count) rule; a positive threshold on a band's bound makes one line saying both.
     */
    List<Threshold> thresholds(Instrument instrument) {
        Map<Integer, String> bandAt = new TreeMap<>();
        List<Band> bands = instrument.rules().bands();
        for (int i = 1; i < bands.size(); i++) {
            bandAt.put(bands.get(i).min(), texts.get("band." + bands.get(i).id()));
        }
        Integer positiveAt = positiveThreshold(instrument);
        TreeMap<Integer, Threshold> lines = new TreeMap<>();
        bandAt.forEach((value, name) -> lines.put(value,
                new Threshold(value, texts.get("trend.threshold.band", name, value), false)));
        if (positiveAt != null) {
            String band = bandAt.get(positiveAt);
            lines.put(positiveAt, new Threshold(positiveAt, band == null
                    ? texts.get("trend.threshold.positive", positiveAt)
                    : texts.get("trend.threshold.bandPositive", band, positiveAt), true));
        }
        return List.copyOf(lines.values());
    }

    /** The threshold of the core domain's sum rule (PHQ-9 10, EPDS as the clinic set it), or a count rule's. */
    static Integer positiveThreshold(Instrument instrument) {
        for (ScreeningDomain d : instrument.rules().domains()) {
            if (!d.core()) {
                continue;
            }
            for (Rule r : d.rules()) {
                if (r instanceof Rule.SumAtLeast sum) {
                    return sum.threshold();
                }
                if (r instanceof Rule.ValueAtLeast value) {
                    return value.threshold();
                }
            }
        }
        return null;
    }

    private Row row(Instrument instrument, Screening x, LocalDate date, boolean total) {
        Score s = x.score();
        boolean complete = s != null && s.complete();
        String totalText = complete && s.total() != null ? Integer.toString(s.total()) : texts.get("trend.incomplete");
        String band = complete && s.band() != null ? texts.get("band." + s.band()) : "";
        String outcome = outcomeText(s);
        String needs = total ? "" : needsText(s);
        String privateText = instrument.rules().domains().stream().anyMatch(ScreeningDomain::privateDomain)
                ? texts.get("trend.private") : "";
        String language = texts.bundle().containsKey("family.language." + x.language())
                ? texts.get("family.language." + x.language()) : x.language();
        String mode = x.mode() == null ? "" : texts.get("trend.mode." + x.mode().name());
        return new Row(date, dateFormat.format(date), totalText, band, outcome, needs, privateText, language, mode,
                !complete);
    }

    // An unfinished result is never called negative, even if a score said so.
    private String outcomeText(Score s) {
        if (s == null) {
            return texts.get("outcome.INCOMPLETE");
        }
        Outcome o = s.outcome();
        if (!s.complete() && o == Outcome.NEGATIVE) {
            o = Outcome.INCOMPLETE;
        }
        return texts.get("outcome." + o.name());
    }

    // Positive domains in words; private ones never (they show only "Private", whatever their result).
    private String needsText(Score s) {
        if (s == null) {
            return texts.get("trend.incomplete");
        }
        List<String> positive = new ArrayList<>();
        for (DomainScore d : s.domains().values()) {
            if (!d.privateDomain() && d.outcome() == Outcome.POSITIVE) {
                positive.add(texts.get("domain." + d.id()));
            }
        }
        String text;
        if (!positive.isEmpty()) {
            text = texts.get("outcome.positiveDomains", String.join(", ", positive));
        } else if (s.complete()) {
            text = texts.get("outcome.noPositiveDomains");
        } else {
            return texts.get("trend.incomplete");
        }
        return s.complete() ? text : texts.get("trend.withIncomplete", text);
    }

    /** A date as the axis shows it. */
    public String dateText(long epochDay) {
        return dateFormat.format(LocalDate.ofEpochDay(epochDay));
    }

    public Texts texts() {
        return texts;
    }

    public ObservableList<Point> points() {
        return points;
    }

    public ObservableList<Threshold> thresholds() {
        return thresholds;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty hasTotalProperty() {
        return hasTotal;
    }

    public ReadOnlyBooleanProperty hasPrivateDomainProperty() {
        return hasPrivateDomain;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyIntegerProperty maxTotalProperty() {
        return maxTotal;
    }

    public ReadOnlyStringProperty instrumentNameProperty() {
        return instrumentName;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText;
    }
}
