package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import care.tandem.service.FamilyService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.UUID;
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
    private final BooleanProperty merging = new SimpleBooleanProperty(this, "merging");
    private final BooleanBinding canMerge;
    private UUID chosen;
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

    /**
     * Picks the other record of the household (opened, so the view is audited). Until it is open, no record
     * is shown and Merge is off; only the latest pick is shown, so an earlier pick opening late never
     * replaces it and can never be merged by mistake.
     */
    public void choose(Family candidate) {
        if (candidate == null || candidate.id().equals(current.id()) || candidate.id().equals(chosen)) {
            return;
        }
        UUID asked = candidate.id();
        chosen = asked;
        other.set(null);
        runner.write(() -> families.open(asked), opened -> {
            if (asked.equals(chosen)) {
                other.set(opened);
            }
        }, failure -> {
            if (asked.equals(chosen)) {
                chosen = null;
                dialogs.showProblem(failure);
            }
        });
    }

    /**
     * Asks for confirmation, then merges the record marked to go into the one kept. The question names the
     * records by their side of the window (the current one on the left), since both often share a surname.
     */
    public void merge() {
        Family otherRecord = other.get();
        if (otherRecord == null || merging.get()) {
            return;
        }
        boolean keepLeft = keepCurrent.get();
        Family keep = keepLeft ? current : otherRecord;
        Family away = keepLeft ? otherRecord : current;
        if (!dialogs.confirm("family.merge.confirm.title",
                keepLeft ? "family.merge.confirm.rightIntoLeft" : "family.merge.confirm.leftIntoRight")) {
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

    /** The other record chosen, once open; null until then. */
    public ReadOnlyObjectProperty<Family> otherProperty() {
        return other.getReadOnlyProperty();
    }

    /** True when the record the merge started from is the one kept. */
    public BooleanProperty keepCurrentProperty() {
        return keepCurrent;
    }

    /** True when the other record is open and no merge is under way. */
    public BooleanBinding canMergeProperty() {
        return canMerge;
    }
}
