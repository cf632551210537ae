package care.tandem.ui.settings;

import care.tandem.domain.billing.BillingCode;
import care.tandem.domain.billing.CodeSystem;
import care.tandem.domain.billing.Verification;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import care.tandem.service.BillingService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.common.ProblemTexts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.UUID;

/**
 * The administrator's billing code table: every code (code, modifier, system, English and Spanish labels, mark ✅/⚠️/❓
 * with its source, confidential, in use), one edited at a time, new ones added. A code's number, modifier and system
 * are written only when it is added (the codes already accepted on visits keep what they were accepted as); to change
 * them, add the right code and take the old one out of use. Codes marked ⚠️ or ❓ say "verify with your plan".
 */
public final class BillingCodesViewModel {
    private final BillingService billing;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final ObservableList<BillingCode> codes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BillingCode> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final ReadOnlyBooleanWrapper isNew = new ReadOnlyBooleanWrapper(this, "isNew");
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty modifier = new SimpleStringProperty(this, "modifier", "");
    private final ObjectProperty<CodeSystem> system = new SimpleObjectProperty<>(this, "system", CodeSystem.CPT);
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final StringProperty labelEs = new SimpleStringProperty(this, "labelEs", "");
    private final ObjectProperty<Verification> verification =
            new SimpleObjectProperty<>(this, "verification", Verification.UNVERIFIED);
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final BooleanProperty confidential = new SimpleBooleanProperty(this, "confidential");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final BooleanBinding verifyWithPlan = Bindings.createBooleanBinding(
            () -> verification.get() != null && verification.get().verifyWithPlan(), verification);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper(this, "messageIsProblem");

    public BillingCodesViewModel(BillingService billing, BackgroundRunner runner, DialogService dialogs, Texts texts) {
        this.billing = billing;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
    }

    /** Reads the code table, codes out of use too. */
    public void load() {
        runner.read(() -> billing.codes(true), codes::setAll, dialogs::showProblem);
    }

    /**
     * Edits a code; with unsaved changes to another, asks first.
     *
     * @return false when the administrator kept the unsaved changes
     */
    public boolean edit(BillingCode c) {
        if (c == null || (editing.get() != null && editing.get().id().equals(c.id()) && !isNew.get())) {
            return true;
        }
        if (!mayLeave()) {
            return false;
        }
        fill(c, false);
        return true;
    }

    /** Starts a new code, marked ❓ until the administrator says what confirms it (asking first about unsaved changes). */
    public boolean newCode() {
        if (!mayLeave()) {
            return false;
        }
        fill(new BillingCode(UUID.randomUUID(), null, CodeSystem.CPT, "", "", "", "", Verification.UNVERIFIED, "",
                false, true, 0), true);
        return true;
    }

    /** True when nothing unsaved would be lost, or the administrator agreed to lose it. */
    public boolean mayLeave() {
        return !hasUnsavedChanges() || dialogs.confirm("settings.codes.discard.title", "settings.codes.discard.message");
    }

    /** Whether the form differs from the code as stored. */
    public boolean hasUnsavedChanges() {
        return editing.get() != null && !form().equals(editing.get());
    }

    private void fill(BillingCode c, boolean fresh) {
        editing.set(c);
        isNew.set(fresh);
        code.set(c.code());
        modifier.set(c.modifier());
        system.set(c.system());
        label.set(c.label());
        labelEs.set(c.labelEs());
        verification.set(c.verification());
        source.set(c.source());
        confidential.set(c.confidential());
        active.set(c.active());
        say("", false);
    }

    // The record normalises the text (trimmed; codes in capitals), so what was typed compares with what is stored.
    private BillingCode form() {
        BillingCode c = editing.get();
        boolean fresh = isNew.get();
        return new BillingCode(c.id(), c.key(), fresh ? system.get() : c.system(), fresh ? code.get() : c.code(),
                fresh ? modifier.get() : c.modifier(), label.get(), labelEs.get(), verification.get(), source.get(),
                confidential.get(), active.get(), c.revision());
    }

    /** Saves the form when it has a code and an English label, and a new code is not in the table already. */
    public void save() {
        if (editing.get() == null || busy.get()) {
            return;
        }
        BillingCode c = form();
        String problem = problem(c);
        if (problem != null) {
            say(problem, true);
            return;
        }
        busy.set(true);
        runner.write(() -> {
            BillingCode saved = billing.saveCode(c);
            return new Saved(saved, billing.codes(true));
        }, s -> {
            busy.set(false);
            codes.setAll(s.all());
            fill(s.saved(), false);
            say(texts.get("settings.codes.saved", s.saved().display()), false);
        }, failure -> {
            busy.set(false);
            if (failure instanceof ProblemException p && p.problem() == Problem.RECORD_CHANGED_ELSEWHERE) {
                changedElsewhere(c.id());
            } else if (failure instanceof ProblemException) {
                say(ProblemTexts.describe(failure, texts), true);
            } else {
                dialogs.showProblem(failure);
            }
        });
    }

    private record Saved(BillingCode saved, List<BillingCode> all) {
    }

    private String problem(BillingCode c) {
        if (c.code().isEmpty()) {
            return texts.get("settings.codes.problem.code");
        }
        if (c.label().isEmpty()) {
            return texts.get("settings.codes.problem.label");
        }
        if (isNew.get() && codes.stream().anyMatch(x -> x.system() == c.system() && x.display().equals(c.display()))) {
            return texts.get("settings.codes.problem.taken", c.display());
        }
        return null;
    }

    // Saved meanwhile (another window, or another laptop's sync): show that version and say this edit was not saved.
    private void changedElsewhere(UUID id) {
        runner.read(() -> billing.codes(true), list -> {
            codes.setAll(list);
            list.stream().filter(x -> x.id().equals(id)).findFirst().ifPresent(x -> fill(x, false));
            say(texts.get("settings.codes.changedElsewhere"), true);
        }, dialogs::showProblem);
    }

    private void say(String text, boolean problem) {
        messageIsProblem.set(problem);
        message.set(text);
    }

    /** The form's heading: the code as a claim shows it ("G8431-HD"), or "New code". */
    public String heading() {
        BillingCode c = editing.get();
        if (c == null) {
            return "";
        }
        return isNew.get() ? texts.get("settings.codes.newHeading") : c.display();
    }

    /** The mark in words: "✅ Confirmed", "⚠️ Sources conflict or are secondary only", ... */
    public String markText(Verification v) {
        return texts.get("billing.mark." + v.name());
    }

    /** The mark as the table shows it: "✅ Confirmed", or the symbol and "Verify with your plan" for ⚠️ and ❓. */
    public String markCell(BillingCode c) {
        Verification v = c.verification();
        return v.verifyWithPlan() ? v.symbol() + " " + texts.get("billing.verifyWithPlan") : markText(v);
    }

    public String systemText(CodeSystem s) {
        return texts.get("billing.system." + s.name());
    }

    /** "Yes" or nothing, for the confidential and in-use columns. */
    public String yes(boolean b) {
        return b ? texts.get("settings.codes.yes") : "";
    }

    public Texts texts() {
        return texts;
    }

    /** The code table: procedure codes first, codes out of use too. */
    public ObservableList<BillingCode> codes() {
        return codes;
    }

    /** The code as stored (with its revision), or a new one; null before one is chosen. */
    public ReadOnlyObjectProperty<BillingCode> editing() {
        return editing.getReadOnlyProperty();
    }

    /** True for a code being added: only then are its number, modifier and system written. */
    public ReadOnlyBooleanProperty isNew() {
        return isNew.getReadOnlyProperty();
    }

    public StringProperty code() {
        return code;
    }

    public StringProperty modifier() {
        return modifier;
    }

    public ObjectProperty<CodeSystem> system() {
        return system;
    }

    public StringProperty label() {
        return label;
    }

    public StringProperty labelEs() {
        return labelEs;
    }

    public ObjectProperty<Verification> verification() {
        return verification;
    }

    /** Where the code and its mark come from (the references' sections). */
    public StringProperty source() {
        return source;
    }

    /** The code reveals a safety result: never on a family copy unless the clinician includes it. */
    public BooleanProperty confidential() {
        return confidential;
    }

    /** False takes the code out of use (kept for the visits that accepted it). */
    public BooleanProperty active() {
        return active;
    }

    /** True while the mark chosen is ⚠️ or ❓. */
    public BooleanBinding verifyWithPlan() {
        return verifyWithPlan;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** "Saved 96127.", or what stopped the save. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblem() {
        return messageIsProblem.getReadOnlyProperty();
    }
}
