package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import care.tandem.i18n.Texts;
import care.tandem.service.FamilyService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Search as you type over the family registry: runs each query on the read thread and keeps only the
 * answer to the latest one, so a slow early query can never overwrite what the user typed since.
 * Shared by the Families screen and the merge window.
 */
public final class FamilySearch {
    private final FamilyService families;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Family> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage", "");
    private final ReadOnlyStringWrapper limitMessage = new ReadOnlyStringWrapper(this, "limitMessage", "");
    private boolean searching;
    private Predicate<Family> filter = f -> true;
    private long latestRequest;
    private String answered;
    private Consumer<List<Family>> onNextAnswer;

    public FamilySearch(FamilyService families, BackgroundRunner runner, DialogService dialogs, Texts texts) {
        this.families = families;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
    }

    /** Leaves out families the caller does not want listed (the merge window hides the family itself). */
    public void excluding(UUID familyId) {
        this.filter = f -> !f.id().equals(familyId);
    }

    /** Searches for what {@link #queryProperty()} holds now. */
    public void search() {
        long request = ++latestRequest;
        String asked = asked();
        searching = true;
        runner.read(() -> families.search(asked),
                found -> {
                    if (request == latestRequest) {
                        show(asked, found);
                    }
                },
                failure -> {
                    if (request == latestRequest) {
                        searching = false;
                        onNextAnswer = null;
                        dialogs.showProblem(failure);
                    }
                });
    }

    /** Searches for what is typed now and hands the answer to {@code then} (Enter pressed before results came). */
    public void searchThen(Consumer<List<Family>> then) {
        onNextAnswer = then;
        search();
    }

    /** True when the listed results answer what is typed now. */
    public boolean isCurrent() {
        return !searching && asked().equals(answered);
    }

    private String asked() {
        return query.get() == null ? "" : query.get();
    }

    private void show(String asked, List<Family> found) {
        searching = false;
        results.setAll(found.stream().filter(filter).toList());
        if (!results.isEmpty()) {
            emptyMessage.set("");
        } else if (asked.isBlank()) {
            emptyMessage.set(texts.get("family.search.noFamilies"));
        } else {
            emptyMessage.set(texts.get("family.search.noMatch", asked.strip()));
        }
        limitMessage.set(found.size() >= FamilyService.SEARCH_LIMIT
                ? texts.get("family.search.limit", FamilyService.SEARCH_LIMIT) : "");
        answered = asked;
        Consumer<List<Family>> then = onNextAnswer;
        onNextAnswer = null;
        if (then != null) {
            then.accept(List.copyOf(results));
        }
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Family> results() {
        return results;
    }

    /** What to do when nothing is listed: add the first family, or check the spelling. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    /** "Showing the first 50 — type more to narrow" when the search hit its limit. */
    public ReadOnlyStringProperty limitMessageProperty() {
        return limitMessage.getReadOnlyProperty();
    }
}
