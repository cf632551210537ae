package care.tandem.ui.referral;

import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpDialogViewModelTest {
    @TempDir
    Path dir;
    private ReferralWorklistFixture data;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<Referral> saved = new ArrayList<>();

    @BeforeEach
    void setUp() {
        data = new ReferralWorklistFixture(dir);
    }

    @AfterEach
    void close() {
        data.close();
    }

    private FollowUpDialogViewModel dialog(Referral r, LocalDate today) {
        return new FollowUpDialogViewModel(data.app.referrals(), new SyncRunner(), dialogs, data.words, r, today);
    }

    @Test
    void aDigitPicksTheOutcomeAndSavingUsesTheUrgencysDefaultDateSoItIsNoLongerOverdue() {
        Referral r = data.food(Urgency.SOON);
        data.days(10);
        LocalDate today = ReferralWorklistFixture.TODAY.plusDays(10);
        assertTrue(r.overdue(today));
        FollowUpDialogViewModel vm = dialog(r, today);
        assertEquals("03/19/2026", vm.dateText().get(), "today plus 7 days for Soon, already filled in");
        assertEquals("Default for Soon: 7 days from today", vm.dateHint());
        assertEquals(List.of(ContactOutcome.REACHED, ContactOutcome.NO_ANSWER, ContactOutcome.LEFT_MESSAGE,
                ContactOutcome.TEXTED, ContactOutcome.SPOKE_WITH_DESTINATION), vm.outcomes());

        assertTrue(vm.pick(3));
        assertEquals(ContactOutcome.LEFT_MESSAGE, vm.outcome().get());
        assertFalse(vm.pick(6));
        vm.save(saved::add);

        assertEquals(1, saved.size());
        Referral after = saved.get(0);
        assertEquals(LocalDate.of(2026, 3, 19), after.followUpDate());
        assertFalse(after.overdue(today));
        assertEquals(ReferralStatus.SENT, after.status(), "a follow-up does not change the status");
        ReferralEvent last = after.events().get(after.events().size() - 1);
        assertEquals(ReferralEvent.Kind.FOLLOW_UP, last.kind());
        assertEquals(ContactOutcome.LEFT_MESSAGE, last.contact());
        assertEquals(0, data.app.referrals().overdueCount());
        assertTrue(dialogs.problems.isEmpty());
    }

    @Test
    void withoutAnOutcomeNothingIsSavedAndTheDialogSaysWhatToPress() {
        Referral r = data.food(Urgency.ROUTINE);
        FollowUpDialogViewModel vm = dialog(r, ReferralWorklistFixture.TODAY);
        vm.save(saved::add);
        assertTrue(saved.isEmpty());
        assertEquals("Choose what came of the contact: press 1 to 5.", vm.message().get());
        assertEquals(1, data.app.referrals().open(r.id()).events().size());
        vm.pick(1);
        assertEquals("", vm.message().get());
    }

    @Test
    void aNoteAndAnEditedDateAreKept() {
        Referral r = data.food(Urgency.ROUTINE);
        FollowUpDialogViewModel vm = dialog(r, ReferralWorklistFixture.TODAY);
        vm.pick(1);
        vm.note().set("  Has an appointment Friday  ");
        vm.dateText().set("03/06/2026");
        vm.save(saved::add);
        Referral after = saved.get(0);
        assertEquals(LocalDate.of(2026, 3, 6), after.followUpDate());
        assertEquals("Has an appointment Friday", after.events().get(after.events().size() - 1).note());
    }

    @Test
    void aPastOrUnreadableDateIsRefusedBeforeSaving() {
        Referral r = data.food(Urgency.ROUTINE);
        FollowUpDialogViewModel vm = dialog(r, ReferralWorklistFixture.TODAY);
        vm.pick(2);
        vm.dateText().set("03/01/2026");
        vm.save(saved::add);
        assertEquals("The next follow-up date is in the past. Choose today or a later day.", vm.message().get());
        vm.dateText().set("next week");
        vm.save(saved::add);
        assertTrue(vm.message().get().startsWith("The next follow-up date cannot be read."), vm.message().get());
        assertTrue(saved.isEmpty());
        vm.dateText().set("");
        vm.save(saved::add);
        assertEquals(ReferralWorklistFixture.TODAY.plusDays(14), saved.get(0).followUpDate(), "blank: the default");
    }

    @Test
    void aClosedReferralsFollowUpIsRefusedByTheServiceAndShownAsAProblem() {
        Referral r = data.food(Urgency.ROUTINE);
        FollowUpDialogViewModel vm = dialog(r, ReferralWorklistFixture.TODAY);
        data.app.referrals().changeStatus(r.id(), ReferralStatus.COMPLETED, "", "", null);
        vm.pick(1);
        vm.save(saved::add);
        assertTrue(saved.isEmpty());
        assertEquals(1, dialogs.problems.size());
        assertFalse(vm.busy().get());
    }
}
