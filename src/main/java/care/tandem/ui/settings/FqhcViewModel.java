package care.tandem.ui.settings;

import care.tandem.domain.billing.FqhcSetting;
import care.tandem.domain.billing.SameDayRule;
import care.tandem.domain.billing.Words;
import care.tandem.i18n.Texts;
import care.tandem.service.BillingService;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The FQHC same-day setting: whether the clinic is an FQHC, RHC or Tribal clinic, and which same-day rule it follows
 * for dyadic services (not chosen yet, the managed-care contract's rule ✅, or SPA 23-0010 ⚠️), with both sources'
 * explanation beside the choice (SPANISH-AND-CODES.md §2.5).
 */
public final class FqhcViewModel {
    private final BillingService billing;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final BooleanProperty fqhc = new SimpleBooleanProperty(this, "fqhc");
    private final ObjectProperty<SameDayRule> sameDayRule =
            new SimpleObjectProperty<>(this, "sameDayRule", SameDayRule.UNDECIDED);
    private final ObservableList<String> explanation = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private FqhcSetting stored = FqhcSetting.standard();

    public FqhcViewModel(BillingService billing, BackgroundRunner runner, DialogService dialogs, Texts texts) {
        this.billing = billing;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        sameDayRule.addListener((obs, old, now) -> explain());
        show(stored);
    }

    /** Reads the clinic's setting. */
    public void load() {
        runner.read(billing::fqhc, this::show, dialogs::showProblem);
    }

    private void show(FqhcSetting s) {
        stored = s;
        fqhc.set(s.fqhc());
        sameDayRule.set(s.sameDayRule());
        explain();
    }

    private void explain() {
        explanation.setAll(setting().explanation().stream().map(this::words).toList());
    }

    private FqhcSetting setting() {
        return new FqhcSetting(fqhc.get(), sameDayRule.get() == null ? SameDayRule.UNDECIDED : sameDayRule.get());
    }

    private String words(Words w) {
        return texts.get(w.key(), w.args().toArray());
    }

    /** Saves the setting; the billing help follows it from the next suggestion on. */
    public void save() {
        if (busy.get()) {
            return;
        }
        FqhcSetting s = setting();
        message.set("");
        busy.set(true);
        runner.write(() -> {
            billing.saveFqhc(s);
            return s;
        }, saved -> {
            busy.set(false);
            show(saved);
            message.set(texts.get("settings.fqhc.saved"));
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /** Whether the form differs from the setting as stored. */
    public boolean hasUnsavedChanges() {
        return !setting().equals(stored);
    }

    /** A rule as the choice shows it, with its mark for the two sources. */
    public String ruleText(SameDayRule r) {
        String name = texts.get("billing.sameDayRule." + r.name());
        return r == SameDayRule.UNDECIDED ? name : name + " " + r.mark().symbol();
    }

    /** True when the clinic is an FQHC, RHC or Tribal clinic. */
    public BooleanProperty fqhc() {
        return fqhc;
    }

    public ObjectProperty<SameDayRule> sameDayRule() {
        return sameDayRule;
    }

    /** Both sources with their marks, then the rule the clinic follows (as chosen, before saving too). */
    public ObservableList<String> explanation() {
        return explanation;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** "Saved." after a save. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }
}
