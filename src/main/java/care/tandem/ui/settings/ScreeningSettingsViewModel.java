package care.tandem.ui.settings;

import care.tandem.domain.screening.ScreeningSchedule;
import care.tandem.i18n.Texts;
import care.tandem.service.ScreeningService;
import care.tandem.service.ScreeningSettings;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The administrator's screening settings: the well-visit ages (months) at which a caregiver depression screen is
 * due and with which instrument (Bright Futures: 1, 2, 4 and 6 months), how often the social-needs screen is due,
 * whether the unverified Spanish GAD-2/GAD-7 wording may be offered, and the EPDS thresholds (DOMAIN.md §1: 13 or
 * more likely depression, 10 or more for greater sensitivity). Input is checked here first, and nothing is saved
 * while any of it is wrong.
 */
public final class ScreeningSettingsViewModel {
    /** Depression instruments a schedule may name, in the order offered. */
    public static final List<String> DEPRESSION_INSTRUMENTS = ScreeningSchedule.DEPRESSION;
    static final int MAX_MONTHS = 36;
    static final int MAX_SOCIAL_MONTHS = 60;
    static final int MAX_EPDS = 30;

    private final StringProperty depressionMonths = new SimpleStringProperty("");
    private final ObjectProperty<String> depressionInstrument = new SimpleObjectProperty<>("phq2");
    private final StringProperty socialNeedsMonths = new SimpleStringProperty("");
    private final BooleanProperty unverifiedGadSpanish = new SimpleBooleanProperty();
    private final StringProperty epdsPositive = new SimpleStringProperty("");
    private final StringProperty epdsLikely = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final ScreeningService screening;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private String socialNeedsInstrument = "ahc-hrsn";

    public ScreeningSettingsViewModel(ScreeningService screening, BackgroundRunner runner, DialogService dialogs,
                                      Texts texts) {
        this.screening = screening;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        show(ScreeningSettings.standard());
    }

    /** Reads the clinic's settings in the background. */
    public void load() {
        runner.read(screening::settings, this::show, dialogs::showProblem);
    }

    private void show(ScreeningSettings s) {
        ScreeningSchedule schedule = s.schedule();
        depressionMonths.set(schedule.depressionMonths().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")));
        depressionInstrument.set(schedule.depressionInstrument());
        socialNeedsMonths.set(Integer.toString(schedule.socialNeedsMonths()));
        socialNeedsInstrument = schedule.socialNeedsInstrument();
        unverifiedGadSpanish.set(s.unverifiedGadSpanish());
        epdsPositive.set(Integer.toString(s.epdsPositive()));
        epdsLikely.set(Integer.toString(s.epdsLikely()));
    }

    /** Saves the settings when every value is allowed; otherwise says what to fix and saves nothing. */
    public void save() {
        if (busy.get()) {
            return;
        }
        ScreeningSettings settings;
        try {
            settings = settings();
        } catch (Refused r) {
            error.set(true);
            message.set(texts.get(r.getMessage()));
            return;
        }
        error.set(false);
        message.set("");
        busy.set(true);
        runner.write(() -> {
            screening.saveSettings(settings);
            return settings;
        }, saved -> {
            busy.set(false);
            show(saved);
            message.set(texts.get("settings.screening.saved"));
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /** A value out of range; the message is the key of what to say. */
    private static final class Refused extends Exception {
        Refused(String key) {
            super(key, null, false, false);
        }
    }

    private ScreeningSettings settings() throws Refused {
        List<Integer> months = new ArrayList<>();
        String monthsText = depressionMonths.get() == null ? "" : depressionMonths.get();
        for (String part : monthsText.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Integer m = number(part);
            if (m == null || m < 1 || m > MAX_MONTHS) {
                throw new Refused("settings.screening.months.invalid");
            }
            months.add(m);
        }
        if (months.isEmpty()) {
            throw new Refused("settings.screening.months.invalid");
        }
        String instrument = depressionInstrument.get();
        if (instrument == null || !DEPRESSION_INSTRUMENTS.contains(instrument)) {
            throw new Refused("settings.screening.instrument.required");
        }
        Integer social = number(socialNeedsMonths.get());
        if (social == null || social < 1 || social > MAX_SOCIAL_MONTHS) {
            throw new Refused("settings.screening.social.invalid");
        }
        Integer positive = number(epdsPositive.get());
        Integer likely = number(epdsLikely.get());
        if (positive == null || likely == null || positive < 1 || positive > MAX_EPDS || likely < 1
                || likely > MAX_EPDS) {
            throw new Refused("settings.screening.epds.range");
        }
        if (positive > likely) {
            throw new Refused("settings.screening.epds.order");
        }
        return new ScreeningSettings(new ScreeningSchedule(months, instrument, social, socialNeedsInstrument),
                unverifiedGadSpanish.get(), positive, likely);
    }

    private static Integer number(String text) {
        String digits = text == null ? "" : text.strip();
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.parseInt(digits);
    }

    public String instrumentText(String id) {
        return texts.get("instrument." + id + ".name");
    }

    public StringProperty depressionMonthsProperty() {
        return depressionMonths;
    }

    public ObjectProperty<String> depressionInstrumentProperty() {
        return depressionInstrument;
    }

    public StringProperty socialNeedsMonthsProperty() {
        return socialNeedsMonths;
    }

    public BooleanProperty unverifiedGadSpanishProperty() {
        return unverifiedGadSpanish;
    }

    public StringProperty epdsPositiveProperty() {
        return epdsPositive;
    }

    public StringProperty epdsLikelyProperty() {
        return epdsLikely;
    }

    /** What the last save said: saved, or what to fix. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Whether {@link #messageProperty()} says what to fix. */
    public BooleanProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
