package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import care.tandem.service.FamilyService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.UUID;

/**
 * The Families screen: search as you type on the left, the opened family's household on the right.
 * Opening goes through {@link FamilyService#open}, so every view of a record is audited.
 */
public final class FamilyScreenViewModel {
    private final FamilyService families;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final FamilyFormat format;
    private final FamilySearch search;
    private final ReadOnlyObjectWrapper<Family> opened = new ReadOnlyObjectWrapper<>(this, "opened");

    public FamilyScreenViewModel(FamilyService families, BackgroundRunner runner, DialogService dialogs,
                                 FamilyFormat format) {
        this.families = families;
        this.runner = runner;
        this.dialogs = dialogs;
        this.format = format;
        this.search = new FamilySearch(families, runner, dialogs, format.texts());
    }

    public FamilySearch search() {
        return search;
    }

    public FamilyFormat format() {
        return format;
    }

    /** Opens a family in the details pane (an audited view). */
    public void open(UUID familyId) {
        runner.write(() -> families.open(familyId), opened::set, failure -> {
            dialogs.showProblem(failure);
            search.search();
        });
    }

    /**
     * Enter: opens the chosen result, or the first one; when the list does not yet answer what was typed,
     * searches first and opens the first match, so a fast typist never opens a family from an older query.
     */
    public void openBestMatch(Family chosen) {
        if (search.isCurrent()) {
            Family target = chosen != null ? chosen : search.results().stream().findFirst().orElse(null);
            if (target != null) {
                open(target.id());
            }
            return;
        }
        search.searchThen(found -> {
            if (!found.isEmpty()) {
                open(found.get(0).id());
            }
        });
    }

    /** Shows a family just saved or merged, and refreshes the list so it reflects the change. */
    public void show(Family family) {
        opened.set(family);
        search.search();
    }

    /** The family in the details pane; null when none is open. */
    public ReadOnlyObjectProperty<Family> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public Family opened() {
        return opened.get();
    }

    /** The editor for a new household. */
    public FamilyEditorViewModel newFamilyEditor(FamilyPrompts prompts) {
        return new FamilyEditorViewModel(families, runner, dialogs, prompts, format, Family.newDraft());
    }

    /** The editor for the opened household. */
    public FamilyEditorViewModel editorForOpened(FamilyPrompts prompts) {
        return new FamilyEditorViewModel(families, runner, dialogs, prompts, format, opened.get());
    }

    /** The merge window for the opened household. */
    public FamilyMergeViewModel mergeForOpened() {
        return new FamilyMergeViewModel(families, runner, dialogs, format, opened.get());
    }
}
