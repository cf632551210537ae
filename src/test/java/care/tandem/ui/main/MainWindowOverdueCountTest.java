package care.tandem.ui.main;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.Urgency;
import care.tandem.i18n.Texts;
import care.tandem.service.NewReferral;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import care.tandem.ui.lock.LockViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The status bar's overdue-referral count, in words. */
class MainWindowOverdueCountTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-03-02T17:00:00Z");
    private AppContext app;

    @BeforeEach
    void setUp() {
        app = TestApp.signedIn(dir, clock);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private MainWindowViewModel window(Locale language) {
        Texts texts = new Texts(language);
        SyncRunner runner = new SyncRunner();
        FakeDialogs dialogs = new FakeDialogs();
        LockViewModel lock = new LockViewModel(app.accounts(), runner, dialogs, texts, app.clock(), () -> 0L, 15);
        return new MainWindowViewModel(new MainWindowViewModel.Setup(texts, app.session().require(), "Test Clinic",
                dir, false, app.accounts(), app.families(), runner, dialogs, lock, () -> { }, () -> { },
                app.screening()));
    }

    @Test
    void theCountIsSaidInWordsAndIsEmptyWhenNothingIsOverdue() {
        MainWindowViewModel vm = window(Locale.ENGLISH);
        assertEquals("", vm.overdueCountText(0));
        assertEquals("1 referral overdue", vm.overdueCountText(1));
        assertEquals("3 referrals overdue", vm.overdueCountText(3));
        assertEquals("3 derivaciones atrasadas", window(new Locale("es")).overdueCountText(3));
    }

    @Test
    void recountingCountsTheReferralsPastTheirFollowUpDateByTheClinicsClock() {
        Member mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "510-555-0100");
        Family family = app.families().save(TestApp.family(TestApp.child("Lucía", "Pérez",
                LocalDate.of(2025, 12, 1)), mother));
        Destination calFresh = app.referrals().suggest(Need.FOOD).stream().filter(d -> d.name().equals("CalFresh"))
                .findFirst().orElseThrow();
        app.referrals().create(new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY, Need.FOOD,
                calFresh.id(), "", Urgency.URGENT, null, true, true, null, null, null));
        MainWindowViewModel vm = window(Locale.ENGLISH);
        vm.useReferrals(app.referrals());
        vm.refreshOverdueCount();
        assertEquals("", vm.overdueCountProperty().get(), "due tomorrow: not overdue yet");

        clock.advance(Duration.ofDays(2));
        vm.refreshOverdueCount();
        assertEquals("1 referral overdue", vm.overdueCountProperty().get());
    }
}
