package care.tandem.ui.note;

import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.service.NoteService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Visits section's list: the signed-in user's unsigned notes, the most recent notes of every family, or (for a
 * supervisor) the associates' notes awaiting a co-signature, whose count is always shown.
 */
public final class VisitsViewModel {
    /** Which notes the list shows. */
    public enum Mode { MY_DRAFTS, RECENT, TO_COSIGN }

    private final NoteService notes;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Supplier<Optional<User>> user;
    private final ObservableList<NoteSummary> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.MY_DRAFTS);
    private final ReadOnlyIntegerWrapper cosignCount = new ReadOnlyIntegerWrapper(this, "cosignCount");

    public VisitsViewModel(NoteService notes, BackgroundRunner runner, DialogService dialogs,
                           Supplier<Optional<User>> user) {
        this.notes = notes;
        this.runner = runner;
        this.dialogs = dialogs;
        this.user = user;
        mode.addListener((obs, old, now) -> refresh());
    }

    /** True for a supervisor: the co-sign queue is theirs. */
    public boolean supervises() {
        return user.get().map(u -> u.role() == Role.SUPERVISOR).orElse(false);
    }

    /** Reads the list for the mode (and the co-sign count) again. */
    public void refresh() {
        Mode m = mode.get();
        boolean supervisor = supervises();
        runner.read(() -> new Lists(switch (m) {
            case MY_DRAFTS -> notes.myDrafts();
            case RECENT -> notes.recent();
            case TO_COSIGN -> supervisor ? notes.cosignQueue() : List.<NoteSummary>of();
        }, supervisor ? notes.cosignQueue().size() : 0), lists -> {
            if (m == mode.get()) {
                rows.setAll(lists.rows());
            }
            cosignCount.set(lists.cosign());
        }, dialogs::showProblem);
    }

    private record Lists(List<NoteSummary> rows, int cosign) {
    }

    public ObservableList<NoteSummary> rows() {
        return rows;
    }

    public ObjectProperty<Mode> mode() {
        return mode;
    }

    public ReadOnlyIntegerProperty cosignCountProperty() {
        return cosignCount.getReadOnlyProperty();
    }
}
