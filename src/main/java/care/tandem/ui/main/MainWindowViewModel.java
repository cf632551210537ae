package care.tandem.ui.main;

import care.tandem.domain.screening.Alert;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.i18n.Texts;
import care.tandem.service.AccountService;
import care.tandem.service.FamilyService;
import care.tandem.service.ReferralService;
import care.tandem.service.ScreeningService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.common.FormatLocale;
import care.tandem.ui.lock.LockViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The main window's state: which section is open (and so the window title, never a patient's name), who
 * is signed in, the clinic, the data folder, how many families it holds (counted in the background once
 * the window shows), how many urgent alerts are open, how many referrals are overdue, the lock, sign-out and quit.
 */
public final class MainWindowViewModel {
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.FAMILIES);
    private final StringBinding title;
    private final ReadOnlyStringWrapper familyCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alertCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper overdueCount = new ReadOnlyStringWrapper("");

    private final Texts texts;
    private final User user;
    private final String clinicName;
    private final Path dataDir;
    private final boolean demo;
    private final AccountService accounts;
    private final FamilyService families;
    private final ScreeningService screening;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final LockViewModel lock;
    private final Runnable onSignedOut;
    private final Runnable onQuit;
    private ReferralService referrals;
    private boolean leaving;

    /**
     * What the main window shows and whom it reaches; {@code onSignedOut}/{@code onQuit} run after the audit.
     * {@code screening} may be null (no alert count).
     */
    public record Setup(Texts texts, User user, String clinicName, Path dataDir, boolean demo,
                        AccountService accounts, FamilyService families, BackgroundRunner runner,
                        DialogService dialogs, LockViewModel lock, Runnable onSignedOut, Runnable onQuit,
                        ScreeningService screening) {

        public Setup(Texts texts, User user, String clinicName, Path dataDir, boolean demo, AccountService accounts,
                     FamilyService families, BackgroundRunner runner, DialogService dialogs, LockViewModel lock,
                     Runnable onSignedOut, Runnable onQuit) {
            this(texts, user, clinicName, dataDir, demo, accounts, families, runner, dialogs, lock, onSignedOut,
                    onQuit, null);
        }
    }

    public MainWindowViewModel(Setup s) {
        this.texts = s.texts();
        this.user = s.user();
        this.clinicName = s.clinicName();
        this.dataDir = s.dataDir();
        this.demo = s.demo();
        this.accounts = s.accounts();
        this.families = s.families();
        this.screening = s.screening();
        this.runner = s.runner();
        this.dialogs = s.dialogs();
        this.lock = s.lock();
        this.onSignedOut = s.onSignedOut();
        this.onQuit = s.onQuit();
        this.title = Bindings.createStringBinding(
                () -> "Tandem — " + texts.get(section.get().titleKey()), section);
    }

    /** Opens a section unless the window is locked. */
    public void select(Section s) {
        if (!lock.isLocked() && s != null) {
            section.set(s);
        }
    }

    /** Counts the families in the background; the status bar shows the count when it arrives. */
    public void refreshFamilyCount() {
        runner.read(families::count, n -> familyCount.set(familyCountText(n)), failure -> familyCount.set(""));
    }

    /**
     * Reads every family's open urgent alerts in the background, updates the status bar's count, and hands them
     * to {@code then} (which shows them before anything else).
     */
    public void loadOpenAlerts(Consumer<List<Alert>> then) {
        if (screening == null) {
            return;
        }
        runner.read(() -> screening.openAlerts(null), alerts -> {
            alertCount.set(alertCountText(alerts.size()));
            then.accept(alerts);
        }, failure -> alertCount.set(""));
    }

    /** Recounts the open urgent alerts (after one was acted on). */
    public void refreshAlertCount() {
        loadOpenAlerts(alerts -> { });
    }

    /** Counts the overdue referrals with this service (the window wires its Referrals section). */
    public void useReferrals(ReferralService referralService) {
        this.referrals = referralService;
    }

    /**
     * Recounts the open referrals past their follow-up date in the background (after sign-in and unlock, when the
     * Referrals section opens, after a referral changed, when the window comes back to the front).
     */
    public void refreshOverdueCount() {
        if (referrals == null || lock.isLocked()) {
            return;
        }
        runner.read(referrals::overdueCount, n -> overdueCount.set(overdueCountText(n)),
                failure -> overdueCount.set(""));
    }

    String overdueCountText(int n) {
        if (n == 0) {
            return "";
        }
        return n == 1 ? texts.get("referral.list.overdueCount.one") : texts.get("referral.list.overdueCount.other", n);
    }

    String alertCountText(int n) {
        if (n == 0) {
            return "";
        }
        return n == 1 ? texts.get("alert.openCount.one") : texts.get("alert.openCount.other", n);
    }

    String familyCountText(long n) {
        String number = NumberFormat.getIntegerInstance(FormatLocale.of(texts)).format(n);
        return n == 1 ? texts.get("status.families.one") : texts.get("status.families.other", number);
    }

    /** Signs out (audited) and goes back to the sign-in window. */
    public void signOut() {
        leave(onSignedOut);
    }

    /** Signs out (audited) and closes Tandem. */
    public void quit() {
        leave(onQuit);
    }

    private void leave(Runnable then) {
        if (leaving) {
            return;
        }
        leaving = true;
        runner.write(() -> {
            accounts.signOut();
            return null;
        }, done -> then.run(), failure -> {
            leaving = false;
            dialogs.showProblem(failure);
        });
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public StringBinding titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty familyCountProperty() {
        return familyCount.getReadOnlyProperty();
    }

    /** "2 urgent alerts open", or empty when none is. */
    public ReadOnlyStringProperty alertCountProperty() {
        return alertCount.getReadOnlyProperty();
    }

    /** "3 referrals overdue", or empty when none is. */
    public ReadOnlyStringProperty overdueCountProperty() {
        return overdueCount.getReadOnlyProperty();
    }

    public String clinicName() {
        return clinicName;
    }

    public String userName() {
        return user.displayName();
    }

    public String roleText() {
        return texts.get("role." + user.role().name());
    }

    /** "Signed in as …" for the status bar. */
    public String signedInText() {
        return texts.get("status.signedIn", user.displayName(), roleText());
    }

    /** The data folder's last name part, as the status bar shows it. */
    public String dataFolderName() {
        Path name = dataDir.getFileName();
        return name == null ? dataDir.toString() : name.toString();
    }

    public String dataFolderPath() {
        return dataDir.toString();
    }

    public boolean isDemo() {
        return demo;
    }

    public boolean isAdministrator() {
        return user.role() == Role.ADMINISTRATOR;
    }

    public LockViewModel lock() {
        return lock;
    }

    public Texts texts() {
        return texts;
    }
}
