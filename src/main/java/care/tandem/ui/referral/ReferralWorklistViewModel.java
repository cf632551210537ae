package care.tandem.ui.referral;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.user.User;
import care.tandem.i18n.Texts;
import care.tandem.service.AccountService;
import care.tandem.service.ReferralFilter;
import care.tandem.service.ReferralListItem;
import care.tandem.service.ReferralService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.family.FamilyFormat;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Referrals section's worklist: referrals by follow-up date, the most overdue first, each with what a clinician
 * needs before a call (family, for whom, need and destination ("Private referral" for a private one), status,
 * urgency, who referred, the safe-contact preferences), filtered by clinician, need, status and family name.
 */
public final class ReferralWorklistViewModel {

    /** One choice of a filter list: its value (null for "any") and its words. */
    public record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Which referrals the status filter asks for. */
    public enum Scope { OPEN, OVERDUE, CLOSED, STATUS }

    /** One choice of the status filter: open, overdue, closed, or one status. */
    public record StatusChoice(Scope scope, ReferralStatus status, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One referral as the worklist words it.
     *
     * @param followUpStyle the style class that colours {@code followUp} (the words say it too)
     */
    public record Row(ReferralListItem item, String followUp, String followUpStyle, String family, String forWhom,
                      String title, String status, String urgency, String referrer, String contact) {
        public Referral referral() {
            return item.referral();
        }

        public UUID id() {
            return item.referral().id();
        }
    }

    /** Style classes of the follow-up column. */
    public static final String OVERDUE_STYLE = "referral-overdue";
    public static final String TODAY_STYLE = "referral-due-today";
    public static final String LATER_STYLE = "referral-due-later";
    public static final String CLOSED_STYLE = "referral-closed";

    private record Loaded(LocalDate today, List<ReferralListItem> items) {
    }

    private final ReferralService referrals;
    private final AccountService accounts;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ReferralWords words;
    private final FamilyFormat format;
    private final Texts texts;

    private final ObservableList<Choice<UUID>> referrers = FXCollections.observableArrayList();
    private final ObservableList<Choice<Need>> needs = FXCollections.observableArrayList();
    private final ObservableList<StatusChoice> statuses = FXCollections.observableArrayList();
    private final ObjectProperty<Choice<UUID>> referrer = new SimpleObjectProperty<>(this, "referrer");
    private final ObjectProperty<Choice<Need>> need = new SimpleObjectProperty<>(this, "need");
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty familyText = new SimpleStringProperty(this, "familyText", "");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private List<Row> loaded = List.of();
    private LocalDate today;
    private int generation;
    private boolean usersLoaded;
    private boolean afterChange;
    private boolean chooseFirst;

    public ReferralWorklistViewModel(ReferralService referrals, AccountService accounts, BackgroundRunner runner,
                                     DialogService dialogs, ReferralWords words, FamilyFormat format) {
        this.referrals = referrals;
        this.accounts = accounts;
        this.runner = runner;
        this.dialogs = dialogs;
        this.words = words;
        this.format = format;
        this.texts = words.texts();
        Choice<UUID> anyone = new Choice<>(null, texts.get("referral.list.filter.anyone"));
        referrers.add(anyone);
        referrer.set(anyone);
        Choice<Need> anyNeed = new Choice<>(null, texts.get("referral.list.filter.anyNeed"));
        needs.add(anyNeed);
        for (Need n : Need.values()) {
            // Filtering by the private need would name it beside rows that say only "Private referral".
            if (!n.isPrivate()) {
                needs.add(new Choice<>(n, words.need(n)));
            }
        }
        need.set(anyNeed);
        StatusChoice open = new StatusChoice(Scope.OPEN, null, texts.get("referral.list.filter.open"));
        statuses.add(open);
        statuses.add(new StatusChoice(Scope.OVERDUE, null, texts.get("referral.list.filter.overdue")));
        statuses.add(new StatusChoice(Scope.CLOSED, null, texts.get("referral.list.filter.closed")));
        for (ReferralStatus s : ReferralStatus.values()) {
            statuses.add(new StatusChoice(Scope.STATUS, s, words.status(s)));
        }
        status.set(open);
        referrer.addListener((obs, old, now) -> filterChanged(old, now));
        need.addListener((obs, old, now) -> filterChanged(old, now));
        status.addListener((obs, old, now) -> filterChanged(old, now));
        familyText.addListener((obs, old, now) -> show(selectedId()));
        emptyText.set(texts.get("referral.list.loading"));
    }

    private void filterChanged(Object old, Object now) {
        if (now == null) {
            return;
        }
        if (!Objects.equals(old, now)) {
            refresh();
        }
    }

    /** Loads the clinicians for the filter (once) and the worklist. */
    public void load() {
        if (!usersLoaded) {
            runner.read(accounts::users, this::setUsers, dialogs::showProblem);
        }
        refresh();
    }

    private void setUsers(List<User> users) {
        usersLoaded = true;
        Choice<UUID> kept = referrer.get();
        List<Choice<UUID>> choices = new ArrayList<>();
        choices.add(referrers.get(0));
        users.stream().sorted(Comparator.comparing(User::displayName, String.CASE_INSENSITIVE_ORDER))
                .forEach(u -> choices.add(new Choice<>(u.id(), u.displayName())));
        referrers.setAll(choices);
        referrer.set(choices.stream().filter(c -> c.equals(kept)).findFirst().orElse(choices.get(0)));
    }

    /** Loads the worklist again, keeping the chosen referral chosen when it is still listed. */
    public void refresh() {
        refresh(selectedId());
    }

    /**
     * A referral was changed (a follow-up, a status, a new linked referral): loads the worklist again and keeps
     * {@code keep} chosen when it is still listed; while that load is shown, {@link #afterChange()} is true, so the
     * details beside the list stay even when the changed referral no longer matches the filters.
     */
    public void changed(UUID keep) {
        refresh(keep, true);
    }

    /** Loads the worklist again and chooses {@code keep} when it is listed. */
    public void refresh(UUID keep) {
        refresh(keep, false);
    }

    private void refresh(UUID keep, boolean change) {
        int mine = ++generation;
        ReferralFilter filter = filter();
        loading.set(true);
        if (loaded.isEmpty()) {
            emptyText.set(texts.get("referral.list.loading"));
        }
        runner.read(() -> new Loaded(referrals.today(), referrals.worklist(filter)), found -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            today = found.today();
            loaded = found.items().stream().map(this::row).toList();
            afterChange = change;
            try {
                show(keep);
            } finally {
                afterChange = false;
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                emptyText.set(texts.get("referral.list.failed"));
            }
            dialogs.showProblem(failure);
        });
    }

    /** The status filter set to overdue referrals, the first one chosen (the status bar's count was used). */
    public void showOverdue() {
        StatusChoice overdue = statuses.stream().filter(s -> s.scope() == Scope.OVERDUE).findFirst().orElseThrow();
        chooseFirst = true;
        if (overdue.equals(status.get())) {
            refresh();
        } else {
            status.set(overdue);
        }
    }

    /** Chooses the first referral listed when none is chosen (now, or when the list loading now arrives). */
    public void chooseFirst() {
        if (selected.get() == null && !rows.isEmpty() && !loading.get()) {
            selected.set(rows.get(0));
        } else if (selected.get() == null) {
            chooseFirst = true;
        }
    }

    ReferralFilter filter() {
        StatusChoice s = status.get();
        Set<ReferralStatus> wanted = switch (s.scope()) {
            case OPEN, OVERDUE -> Set.of();
            case CLOSED -> EnumSet.copyOf(EnumSet.allOf(ReferralStatus.class).stream().filter(ReferralStatus::closed)
                    .toList());
            case STATUS -> Set.of(s.status());
        };
        return new ReferralFilter(referrer.get().value(), need.get().value(), wanted, null,
                s.scope() == Scope.OVERDUE);
    }

    private void show(UUID keep) {
        String typed = fold(familyText.get());
        List<Row> shown = typed.isEmpty() ? loaded
                : loaded.stream().filter(r -> r.item().family().members().stream()
                .anyMatch(m -> fold(m.fullName()).contains(typed))).toList();
        rows.setAll(shown);
        Row chosen = keep == null ? null : shown.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null);
        if (chooseFirst && !loading.get()) {
            chooseFirst = false;
            if (chosen == null && !shown.isEmpty()) {
                chosen = shown.get(0);
            }
        }
        selected.set(chosen);
        countText.set(count(shown.size(), loaded.size()));
        emptyText.set(loading.get() && loaded.isEmpty() ? texts.get("referral.list.loading")
                : texts.get(defaultFilters() ? "referral.list.empty" : "referral.list.noMatch"));
    }

    private String count(int shown, int all) {
        if (shown != all) {
            return texts.get("referral.list.count.filtered", shown, all);
        }
        return shown == 1 ? texts.get("referral.list.count.one") : texts.get("referral.list.count.other", shown);
    }

    private boolean defaultFilters() {
        return referrer.get().value() == null && need.get().value() == null && status.get().scope() == Scope.OPEN
                && fold(familyText.get()).isEmpty();
    }

    /** Lower case without accents, so "perez" finds "Pérez". */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private Row row(ReferralListItem item) {
        Referral r = item.referral();
        Family f = item.family();
        String followUp = words.followUp(r, today);
        String style;
        if (!r.open()) {
            style = CLOSED_STYLE;
        } else if (item.overdueDays() > 0 || r.overdue(today)) {
            style = OVERDUE_STYLE;
        } else if (today.equals(r.followUpDate())) {
            style = TODAY_STYLE;
        } else {
            style = LATER_STYLE;
        }
        String family = f.children().isEmpty() ? format.familyTitle(f) : format.childrenLine(f);
        return new Row(item, followUp, style, family, forWhom(texts, format, f, r.subjectId()), words.title(r),
                words.status(r.status()), words.urgency(r.urgency()), item.referrerName(), contact(f, r));
    }

    /** "Ana Pérez (Mother)", or "Lucía Pérez (child)". */
    static String forWhom(Texts texts, FamilyFormat format, Family f, UUID subjectId) {
        Member m = member(f, subjectId);
        if (m == null) {
            return "";
        }
        if (m.isChild()) {
            return texts.get("referral.list.forChild", format.displayName(m));
        }
        String relationship = format.relationship(m.relationship());
        return relationship.isEmpty() ? format.displayName(m)
                : texts.get("referral.list.forCaregiver", format.displayName(m), relationship);
    }

    /** Whom to call and how they agreed to be contacted: "Ana — call, message; Luis — restricted, do not contact". */
    String contact(Family f, Referral r) {
        return toCall(f, r).stream().map(this::contactOf).collect(Collectors.joining("; "));
    }

    /** The people to call about a referral: the caregiver it is for, or every caregiver of a child. */
    static List<Member> toCall(Family f, Referral r) {
        Member subject = member(f, r.subjectId());
        return subject != null && !subject.isChild() ? List.of(subject) : f.caregivers();
    }

    private String contactOf(Member m) {
        String name = m.givenName().isBlank() ? format.displayName(m) : m.givenName();
        if (m.restricted()) {
            return texts.get("referral.list.contact.restricted", name);
        }
        if (m.phone().isBlank()) {
            return texts.get("referral.list.contact.noPhone", name);
        }
        List<String> ways = new ArrayList<>();
        if (m.contact().okToCall()) {
            ways.add(texts.get("referral.list.contact.call"));
        }
        if (m.contact().okToText()) {
            ways.add(texts.get("referral.list.contact.text"));
        }
        if (m.contact().okToLeaveMessage()) {
            ways.add(texts.get("referral.list.contact.message"));
        }
        return texts.get("referral.list.contact.person", name, ways.isEmpty()
                ? texts.get("referral.list.contact.none") : String.join(", ", ways));
    }

    static Member member(Family f, UUID id) {
        return f.members().stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    private UUID selectedId() {
        Row r = selected.get();
        return r == null ? null : r.id();
    }

    public ObservableList<Choice<UUID>> referrers() {
        return referrers;
    }

    public ObservableList<Choice<Need>> needs() {
        return needs;
    }

    public ObservableList<StatusChoice> statuses() {
        return statuses;
    }

    public ObjectProperty<Choice<UUID>> referrer() {
        return referrer;
    }

    public ObjectProperty<Choice<Need>> need() {
        return need;
    }

    public ObjectProperty<StatusChoice> status() {
        return status;
    }

    public StringProperty familyText() {
        return familyText;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selected() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "12 referrals", or "3 of 12 referrals" while the family box narrows the list. */
    public ReadOnlyStringProperty countText() {
        return countText.getReadOnlyProperty();
    }

    /** What the empty list says: what to do when there are none, or that nothing matches the filters. */
    public ReadOnlyStringProperty emptyText() {
        return emptyText.getReadOnlyProperty();
    }

    /** True while the list shown is the reload after a change made here (see {@link #changed}). */
    public boolean afterChange() {
        return afterChange;
    }

    /** Today by the clinic's clock, as of the last load (null before it). */
    public LocalDate today() {
        return today;
    }

    public ReferralWords words() {
        return words;
    }
}
