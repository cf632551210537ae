package care.tandem.ui.referral;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.referral.Referral;
import care.tandem.service.ReferralService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The family page's referrals: open ones first, by follow-up date with "Overdue 3 days" in words, then the closed
 * ones; the family's overdue count for the panel's header. A private referral reads only "Private referral" (no
 * need, destination, reason or person) until the clinician opens it.
 */
public final class FamilyReferralsPanelViewModel {

    /**
     * One referral as a line. {@code who}: "for Ana", empty for a private one; {@code when}: "Follow up 4 Dec 2026",
     * "Overdue 3 days" or, once closed, "Closed 4 Dec 2026".
     */
    public record Row(UUID referralId, String title, String who, String status, String when, boolean overdue,
                      boolean privateReferral, boolean open) {
    }

    /** What the panel shows for one family. */
    public record Panel(UUID familyId, List<Row> open, List<Row> closed, int overdue) {
        public boolean empty() {
            return open.isEmpty() && closed.isEmpty();
        }
    }

    private final ReferralService service;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ReferralWords words;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<Panel> panel = new ReadOnlyObjectWrapper<>(this, "panel");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private Family family;
    private long generation;

    /** @param zone the clinic's time zone, for the day a referral was closed */
    public FamilyReferralsPanelViewModel(ReferralService service, BackgroundRunner runner, DialogService dialogs,
                                         ReferralWords words, ZoneId zone) {
        this.service = service;
        this.runner = runner;
        this.dialogs = dialogs;
        this.words = words;
        this.zone = zone;
    }

    /** Shows {@code shown}'s referrals (null: none). */
    public void show(Family shown) {
        boolean other = family == null || shown == null || !family.id().equals(shown.id());
        family = shown;
        if (other) {
            panel.set(null);
        }
        long mine = ++generation;
        if (shown == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        runner.read(() -> load(shown), p -> {
            if (mine == generation) {
                loading.set(false);
                panel.set(p);
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                dialogs.showProblem(failure);
            }
        });
    }

    /** Loads again after a referral was made or changed. */
    public void refresh() {
        if (family != null) {
            show(family);
        }
    }

    public Family family() {
        return family;
    }

    public ReadOnlyObjectProperty<Panel> panelProperty() {
        return panel.getReadOnlyProperty();
    }

    public Panel panel() {
        return panel.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReferralWords words() {
        return words;
    }

    // Off the FX thread.
    private Panel load(Family f) {
        LocalDate today = service.today();
        Map<UUID, String> names = new HashMap<>();
        for (Member m : f.members()) {
            names.put(m.id(), m.givenName().isBlank() ? m.fullName() : m.givenName());
        }
        List<Referral> all = service.forFamily(f.id());
        List<Referral> open = all.stream().filter(Referral::open)
                .sorted(Comparator.comparing(Referral::followUpDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<Referral> closed = all.stream().filter(r -> !r.open())
                .sorted(Comparator.comparing(FamilyReferralsPanelViewModel::closedOrMade).reversed()).toList();
        List<Row> openRows = new ArrayList<>();
        int overdue = 0;
        for (Referral r : open) {
            boolean late = r.overdue(today);
            overdue += late ? 1 : 0;
            openRows.add(row(r, names, words.followUp(r, today), late));
        }
        List<Row> closedRows = new ArrayList<>();
        for (Referral r : closed) {
            String when = r.closedAt() == null ? ""
                    : words.texts().get("referral.panel.closedOn", words.date(LocalDate.ofInstant(r.closedAt(), zone)));
            closedRows.add(row(r, names, when, false));
        }
        return new Panel(f.id(), List.copyOf(openRows), List.copyOf(closedRows), overdue);
    }

    private Row row(Referral r, Map<UUID, String> names, String when, boolean overdue) {
        String name = names.get(r.subjectId());
        String who = r.privateReferral() || name == null ? "" : words.texts().get("referral.panel.for", name);
        return new Row(r.id(), words.title(r), who, words.status(r.status()), when, overdue, r.privateReferral(),
                r.open());
    }

    private static Instant closedOrMade(Referral r) {
        return r.closedAt() != null ? r.closedAt() : r.createdAt() != null ? r.createdAt() : Instant.EPOCH;
    }
}
