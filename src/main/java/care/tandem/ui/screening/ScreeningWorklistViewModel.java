package care.tandem.ui.screening;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.Screening;
import care.tandem.service.FamilyService;
import care.tandem.service.ScreeningService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Screening section's worklist: the urgent alerts still open in every family, oldest first, each naming the
 * family and the instrument, ready to act on; then the screens left unfinished in every family, to resume.
 */
public final class ScreeningWorklistViewModel {

    /** One open alert as the worklist words it. */
    public record AlertLine(Alert alert, String text) {
    }

    /** One unfinished screen as the worklist words it. */
    public record UnfinishedLine(Screening screening, String text) {
    }

    /** What one load of the worklist found. */
    private record Found(List<AlertLine> alerts, List<UnfinishedLine> unfinished) {
    }

    private final ScreeningService screening;
    private final FamilyService families;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ScreeningWords words;
    private final ObservableList<AlertLine> alerts = FXCollections.observableArrayList();
    private final ObservableList<UnfinishedLine> unfinished = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    public ScreeningWorklistViewModel(ScreeningService screening, FamilyService families, BackgroundRunner runner,
                                      DialogService dialogs, ScreeningWords words) {
        this.screening = screening;
        this.families = families;
        this.runner = runner;
        this.dialogs = dialogs;
        this.words = words;
    }

    /** Loads the open alerts and the unfinished screens of every family. */
    public void refresh() {
        loading.set(true);
        runner.read(this::read, found -> {
            loading.set(false);
            unfinished.setAll(found.unfinished());
            alerts.setAll(found.alerts());
        }, failure -> {
            loading.set(false);
            dialogs.showProblem(failure);
        });
    }

    private Found read() {
        Map<UUID, Optional<Family>> known = new HashMap<>();
        List<AlertLine> lines = new ArrayList<>();
        for (Alert a : screening.openAlerts(null)) {
            Optional<Family> f = known.computeIfAbsent(a.familyId(), families::find);
            String family = f.map(this::title).orElse(words.texts().get("family.noName"));
            String who = f.flatMap(x -> x.members().stream().filter(m -> m.id().equals(a.subjectId())).findFirst())
                    .map(Member::fullName).orElse(words.texts().get("due.anyCaregiver"));
            String what = words.texts().get("alert.heading." + a.kind().name(), words.instrument(a.instrument()),
                    itemNumber(a));
            lines.add(new AlertLine(a, words.texts().get("screening.section.alert.line", family, who, what)));
        }
        List<UnfinishedLine> open = new ArrayList<>();
        for (Screening x : screening.unfinishedAll()) {
            Optional<Family> f = known.computeIfAbsent(x.familyId(), families::find);
            String family = f.map(this::title).orElse(words.texts().get("family.noName"));
            String who = f.flatMap(y -> y.members().stream().filter(m -> m.id().equals(x.subjectId())).findFirst())
                    .map(Member::fullName).orElse(words.texts().get("due.anyCaregiver"));
            open.add(new UnfinishedLine(x, words.texts().get("screening.section.unfinished.line", family, who,
                    words.instrument(x.instrument()), words.date(x.startedAt()))));
        }
        return new Found(lines, open);
    }

    private String itemNumber(Alert a) {
        return screening.instruments().find(a.instrument()).flatMap(i -> i.item(a.item()))
                .map(i -> String.valueOf(i.number())).orElse(a.item());
    }

    private String title(Family f) {
        String name = f.members().stream().map(Member::familyName).filter(n -> !n.isBlank()).findFirst().orElse("");
        return name.isEmpty() ? words.texts().get("family.noName") : words.texts().get("family.title", name);
    }

    public ObservableList<AlertLine> alerts() {
        return alerts;
    }

    public ObservableList<UnfinishedLine> unfinished() {
        return unfinished;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
