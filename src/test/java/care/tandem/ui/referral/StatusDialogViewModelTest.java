package care.tandem.ui.referral;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.ui.referral.StatusDialogViewModel.Mode;
import care.tandem.ui.referral.StatusDialogViewModel.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static care.tandem.domain.referral.ReferralStatus.ACCEPTED;
import static care.tandem.domain.referral.ReferralStatus.COMPLETED;
import static care.tandem.domain.referral.ReferralStatus.COULD_NOT_CONTACT;
import static care.tandem.domain.referral.ReferralStatus.COULD_NOT_GET_HELP;
import static care.tandem.domain.referral.ReferralStatus.DECLINED_BY_ORGANISATION;
import static care.tandem.domain.referral.ReferralStatus.ENTERED_IN_ERROR;
import static care.tandem.domain.referral.ReferralStatus.FAMILY_DECLINED;
import static care.tandem.domain.referral.ReferralStatus.IN_PROGRESS;
import static care.tandem.domain.referral.ReferralStatus.ON_HOLD;
import static care.tandem.domain.referral.ReferralStatus.REFERRED_ELSEWHERE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusDialogViewModelTest {
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

    private StatusDialogViewModel dialog(Referral r, Mode mode) {
        return new StatusDialogViewModel(data.app.referrals(), new SyncRunner(), dialogs, data.words, r,
                ReferralWorklistFixture.TODAY, mode);
    }

    private static Option option(StatusDialogViewModel vm, ReferralStatus s) {
        return vm.options().stream().filter(o -> o.status() == s).findFirst().orElseThrow();
    }

    @Test
    void aSentReferralOffersOnlyTheStatusesThatMayFollowWithElsewhereLast() {
        StatusDialogViewModel vm = dialog(data.food(Urgency.ROUTINE), Mode.CHANGE);
        assertEquals(List.of(ACCEPTED, IN_PROGRESS, ON_HOLD, COULD_NOT_CONTACT, COMPLETED, DECLINED_BY_ORGANISATION,
                COULD_NOT_GET_HELP, FAMILY_DECLINED, ENTERED_IN_ERROR, REFERRED_ELSEWHERE),
                vm.options().stream().map(Option::status).toList());
        Option last = vm.options().get(vm.options().size() - 1);
        assertTrue(last.elsewhere());
        assertEquals("Referred elsewhere (a new referral to another destination)", last.label());
    }

    @Test
    void aClosedReferralOffersOnlyEnteredInError() {
        Referral r = data.food(Urgency.ROUTINE);
        Referral done = data.app.referrals().changeStatus(r.id(), COMPLETED, "", "", null);
        StatusDialogViewModel vm = dialog(done, Mode.CHANGE);
        assertEquals(List.of(ENTERED_IN_ERROR), vm.options().stream().map(Option::status).toList());
    }

    @Test
    void aStatusThatNeedsAReasonSaysSoBeforeSavingAndIsRefusedWithoutOne() {
        Referral r = data.food(Urgency.ROUTINE);
        StatusDialogViewModel vm = dialog(r, Mode.CHANGE);
        vm.chosen().set(option(vm, ON_HOLD));
        assertTrue(vm.reasonNeeded().get());
        assertEquals("“On hold” needs a reason: write what happened.", vm.reasonHint().get());
        assertTrue(vm.dateShown().get(), "on hold stays open, so it gets a follow-up date");

        vm.save(saved::add);

        assertTrue(saved.isEmpty());
        assertEquals("Not saved: “On hold” needs a reason. Write what happened, then save.", vm.message().get());
        assertEquals(ReferralStatus.SENT, data.app.referrals().open(r.id()).status());
        vm.reason().set("Family travelling until April");
        assertEquals("", vm.message().get());
        vm.save(saved::add);
        assertEquals(ON_HOLD, saved.get(0).status());
        assertEquals("Family travelling until April", saved.get(0).statusReason());
        assertEquals(ReferralWorklistFixture.TODAY.plusDays(14), saved.get(0).followUpDate());
    }

    @Test
    void aStatusWithoutAReasonNeededSavesWithTheNoteAndTheChosenDate() {
        Referral r = data.food(Urgency.ROUTINE);
        StatusDialogViewModel vm = dialog(r, Mode.CHANGE);
        vm.chosen().set(option(vm, ACCEPTED));
        assertFalse(vm.reasonNeeded().get());
        assertEquals("", vm.reasonHint().get());
        vm.note().set("Intake booked");
        vm.dateText().set("03/10/2026");
        vm.save(saved::add);
        assertEquals(ACCEPTED, saved.get(0).status());
        assertEquals(LocalDate.of(2026, 3, 10), saved.get(0).followUpDate());
        assertEquals("Intake booked", saved.get(0).events().get(1).note());
    }

    @Test
    void aClosingStatusHasNoFollowUpDate() {
        StatusDialogViewModel vm = dialog(data.food(Urgency.ROUTINE), Mode.CHANGE);
        vm.chosen().set(option(vm, COMPLETED));
        assertFalse(vm.dateShown().get());
        vm.dateText().set("not a date");
        vm.save(saved::add);
        assertEquals(COMPLETED, saved.get(0).status());
        assertEquals(null, saved.get(0).followUpDate());
    }

    @Test
    void nothingChosenIsRefused() {
        StatusDialogViewModel vm = dialog(data.food(Urgency.ROUTINE), Mode.CHANGE);
        vm.save(saved::add);
        assertEquals("Choose the new status.", vm.message().get());
        assertTrue(saved.isEmpty());
    }

    @Test
    void referredElsewhereNeedsAReasonAndANewDestinationAndMakesTheLinkedReferral() {
        Referral r = data.food(Urgency.ROUTINE);
        StatusDialogViewModel vm = dialog(r, Mode.CHANGE);
        vm.chooseElsewhere();
        vm.loadDestinations();
        assertTrue(vm.destinationShown().get());
        assertFalse(vm.noteShown().get());
        assertFalse(vm.dateShown().get());
        assertTrue(vm.destinations().stream().noneMatch(d -> d.name().equals("CalFresh")), "not the same one");
        assertTrue(vm.destinations().get(0).serves(r.need()), "suggested ones first");
        Destination wic = data.destination("WIC (Women, Infants, and Children)");
        assertEquals("WIC (Women, Infants, and Children) (suggested)", vm.destinationLabel(wic));

        vm.reason().set("Not eligible: over income");
        vm.save(saved::add);
        assertEquals("Choose the new destination from the directory.", vm.message().get());
        vm.destination().set(wic);
        vm.save(saved::add);

        Referral next = saved.get(0);
        assertEquals(r.id(), next.previousId());
        assertEquals("WIC (Women, Infants, and Children)", next.destinationName());
        assertEquals(REFERRED_ELSEWHERE, data.app.referrals().open(r.id()).status());
    }

    @Test
    void tryAgainMakesANewLinkedReferralToTheSameDestinationByDefault() {
        Referral r = data.food(Urgency.ROUTINE);
        Referral failed = data.app.referrals().changeStatus(r.id(), COULD_NOT_GET_HELP, "waitlist full", "", null);
        StatusDialogViewModel vm = dialog(failed, Mode.TRY_AGAIN);
        assertTrue(vm.options().isEmpty());
        vm.loadDestinations();
        assertEquals("CalFresh", vm.destination().get().name());
        vm.send().set(false);
        vm.save(saved::add);
        assertEquals(r.id(), saved.get(0).previousId());
        assertEquals(ReferralStatus.DRAFT, saved.get(0).status());
    }

    @Test
    void aRefusalFromTheServiceIsShownAsAProblem() {
        Referral r = data.food(Urgency.ROUTINE);
        StatusDialogViewModel vm = dialog(r, Mode.CHANGE);
        data.app.referrals().changeStatus(r.id(), COMPLETED, "", "", null);
        vm.chosen().set(option(vm, ACCEPTED));
        vm.save(saved::add);
        assertTrue(saved.isEmpty());
        assertEquals(Problem.REFERRAL_CLOSED, ((ProblemException) dialogs.problems.get(0)).problem());
    }
}
