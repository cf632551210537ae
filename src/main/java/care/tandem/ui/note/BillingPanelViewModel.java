package care.tandem.ui.note;

import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.billing.BillingHelp;
import care.tandem.domain.billing.BillingSuggestion;
import care.tandem.domain.billing.NoteFacts;
import care.tandem.domain.billing.Words;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.screening.Visit;
import care.tandem.i18n.Texts;
import care.tandem.service.BillingService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The billing help beside a note: the codes suggested from what the visit holds, each unaccepted until the clinician
 * accepts it (then stored with the visit) or leaves it; accepted codes can be removed. Codes marked ⚠️ or ❓ say
 * "verify with your plan"; codes that reveal a private result say they are confidential.
 */
public final class BillingPanelViewModel {
    /** One code in the list: a suggestion, its acceptance if accepted, or an accepted code no rule suggests now. */
    public record Row(String code, String label, String mark, boolean verifyWithPlan, boolean confidential,
                      String why, List<String> notes, BillingSuggestion suggestion, AcceptedCode accepted) {
        public boolean isAccepted() {
            return accepted != null;
        }
    }

    private final BillingService billing;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts t;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private UUID visitId;

    public BillingPanelViewModel(BillingService billing, BackgroundRunner runner, DialogService dialogs, Texts t) {
        this.billing = billing;
        this.runner = runner;
        this.dialogs = dialogs;
        this.t = t;
    }

    /** Reads the suggestions and accepted codes for the visit as the note stands. */
    public void refresh(Visit visit, NoteContent content) {
        visitId = visit.id();
        NoteFacts facts = NoteFacts.of(visit, content);
        UUID id = visit.id();
        runner.read(() -> new Read(billing.suggestions(id, facts), billing.accepted(id)), read -> {
            if (id.equals(visitId)) {
                show(read.help(), read.accepted());
            }
        }, dialogs::showProblem);
    }

    private record Read(BillingHelp help, List<AcceptedCode> accepted) {
    }

    private void show(BillingHelp help, List<AcceptedCode> accepted) {
        String lang = t.locale().getLanguage();
        List<Row> out = new ArrayList<>();
        List<AcceptedCode> unmatched = new ArrayList<>(accepted);
        for (BillingSuggestion s : help.suggestions()) {
            AcceptedCode a = accepted.stream().filter(x -> x.matches(s)).findFirst().orElse(null);
            unmatched.remove(a);
            out.add(new Row(s.code().display(), s.code().label(lang), t.get("billing.mark." + s.mark().name()),
                    s.verifyWithPlan(), s.confidential(), words(s.why()),
                    s.notes().stream().map(this::words).toList(), s, a));
        }
        for (AcceptedCode a : unmatched) {
            out.add(new Row(a.display(), a.label(lang), t.get("billing.mark." + a.verification().name()),
                    a.verification().verifyWithPlan(), a.confidential(), words(a.reason()), List.of(), null, a));
        }
        rows.setAll(out);
        notices.setAll(help.notices().stream().map(n -> words(n.words())).toList());
    }

    private String words(Words w) {
        return t.get(w.key(), w.args().toArray());
    }

    /** Accepts a suggested code: stored with the visit. */
    public void accept(Row row, Visit visit, NoteContent content) {
        if (row.suggestion() == null || row.isAccepted() || busy.get()) {
            return;
        }
        busy.set(true);
        runner.write(() -> billing.accept(visit.id(), row.suggestion()), a -> {
            busy.set(false);
            refresh(visit, content);
        }, this::failed);
    }

    /** Removes an accepted code from the visit (kept as removed in the history). */
    public void remove(Row row, Visit visit, NoteContent content) {
        if (!row.isAccepted() || busy.get()) {
            return;
        }
        busy.set(true);
        runner.write(() -> {
            billing.remove(visit.id(), row.accepted().id());
            return true;
        }, done -> {
            busy.set(false);
            refresh(visit, content);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        dialogs.showProblem(failure);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> notices() {
        return notices;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
