package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import care.tandem.service.FamilyService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.function.Consumer;

/**
 * Merging two records of one household: find the other record, see both side by side, choose which one
 * is kept (its values win; blanks are filled from the other), confirm, merge.
 */
public final class FamilyMergeViewModel {
    private final FamilyService families;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final FamilyFormat format;
    private final Family current;
    private final FamilySearch search;
    private final ReadOnlyObjectWrapper<Family> other = new ReadOnlyObjectWrapper<>(this, "other");
    private final BooleanProperty keepCurrent = new SimpleBooleanProperty(this, "keepCurrent", true);
    private final ReadOnlyBooleanWrapper merging = new ReadOnlyBooleanWrapper(this, "merging");
    private final ObjectBinding<Family> kept;
    private final ObjectBinding<Family> mergedAway;
    private final BooleanBinding canMerge;
    private Consumer<Family> onMerged = f -> { };

    public FamilyMergeViewModel(FamilyService families, BackgroundRunner runner, DialogService dialogs,
                                FamilyFormat format, Family current) {
        this.families = families;
        this.runner = runner;
        this.dialogs = dialogs;
        this.format = format;
        this.current = current;
        this.search = new FamilySearch(families, runner, dialogs, format.texts());
        search.excluding(current.id());
        kept = Bindings.createObjectBinding(() -> keepCurrent.get() ? current : other.get(), keepCurrent, other);
        mergedAway = Bindings.createObjectBinding(() -> keepCurrent.get() ? other.get() : current, keepCurrent, other);
        canMerge = other.isNotNull().and(merging.not());
    }

    public FamilySearch search() {
        return search;
    }

    public FamilyFormat format() {
        return format;
    }

    /** The family the merge was started from. */
    public Family current() {
        return current;
    }

    /** Picks the other record of the household (opened, so the view is audited). */
    public void choose(Family candidate) {
        if (candidate == null || candidate.id().equals(current.id())) {
            return;
        }
        runner.write(() -> families.open(candidate.id()), other::set, dialogs::showProblem);
    }

    /** Keeps the other record instead of the current one, or back. */
    public void swap() {
        keepCurrent.set(!keepCurrent.get());
    }

    /** Asks for confirmation, then merges the other record into the kept one. */
    public void merge() {
        Family keep = kept.get();
        Family away = mergedAway.get();
        if (keep == null || away == null || merging.get()) {
            return;
        }
        if (!dialogs.confirm("family.merge.confirm.title", "family.merge.confirm.message",
                format.surname(away), format.surname(keep))) {
            return;
        }
        merging.set(true);
        runner.write(() -> families.merge(keep.id(), away.id()), merged -> {
            merging.set(false);
            onMerged.accept(merged);
        }, failure -> {
            merging.set(false);
            dialogs.showProblem(failure);
        });
    }

    public void setOnMerged(Consumer<Family> onMerged) {
        this.onMerged = onMerged;
    }

    /** The other record chosen; null until one is picked. */
    public ReadOnlyObjectProperty<Family> otherProperty() {
        return other.getReadOnlyProperty();
    }

    /** True when the record the merge started from is the one kept. */
    public BooleanProperty keepCurrentProperty() {
        return keepCurrent;
    }

    public ObjectBinding<Family> kept() {
        return kept;
    }

    public ObjectBinding<Family> mergedAway() {
        return mergedAway;
    }

    public BooleanBinding canMergeProperty() {
        return canMerge;
    }

    public ReadOnlyBooleanProperty mergingProperty() {
        return merging.getReadOnlyProperty();
    }
}
