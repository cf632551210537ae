package care.tandem.ui.referral;

import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.domain.screening.Screening;
import care.tandem.service.NewReferral;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.ui.referral.ReferralDetailsViewModel.ContactLine;
import care.tandem.ui.referral.ReferralDetailsViewModel.Details;
import care.tandem.ui.referral.ReferralDetailsViewModel.Fact;
import care.tandem.ui.referral.ReferralDetailsViewModel.LetterChoice;
import care.tandem.ui.referral.ReferralDetailsViewModel.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralDetailsViewModelTest {
    @TempDir
    Path dir;
    private ReferralWorklistFixture data;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<UUID> changed = new ArrayList<>();
    private ReferralDetailsViewModel vm;

    @BeforeEach
    void setUp() {
        data = new ReferralWorklistFixture(dir);
        vm = new ReferralDetailsViewModel(data.app.referrals(), data.app.screening(), data.app.accounts(),
                data.app.families(), new SyncRunner(), dialogs, data.words, data.format(), ZoneOffset.UTC);
        vm.setOnChanged(changed::add);
    }

    @AfterEach
    void close() {
        data.close();
    }

    private static String fact(Details d, String id) {
        return d.facts().stream().filter(f -> f.id().equals(id)).map(Fact::value).findFirst().orElse(null);
    }

    private static String measure(Details d, String id) {
        return d.measures().stream().filter(f -> f.id().equals(id)).map(Fact::value).findFirst().orElse(null);
    }

    @Test
    void aReferralOpensWithItsFactsDestinationContactsAndHistoryAndTheViewIsAudited() throws Exception {
        Screening hvs = data.positiveHvs();
        Referral r = data.app.referrals().create(new NewReferral(data.family.id(), data.mother.id(),
                ReferralKind.COMMUNITY, Need.FOOD, data.destination("CalFresh").id(), "Runs out of food by week 3",
                Urgency.ROUTINE, null, true, true, null, hvs.id(), null));

        vm.show(r, data.family, ReferralWorklistFixture.TODAY);

        assertEquals(State.SHOWN, vm.stateProperty().get());
        Details d = vm.detailsProperty().get();
        assertEquals("Food — CalFresh", d.title());
        assertEquals("Ana Pérez (Mother)", fact(d, "factWho"));
        assertEquals("Food", fact(d, "factNeed"));
        assertEquals("CalFresh", fact(d, "factDestination"));
        assertTrue(d.destination().contains("Phone: 1-877-847-3663"), d.destination().toString());
        assertTrue(d.destination().contains("Web: GetCalFresh.org"), d.destination().toString());
        assertEquals("Runs out of food by week 3", fact(d, "factReason"));
        assertEquals("Routine", fact(d, "factUrgency"));
        assertEquals("Ada Admin, " + data.words.date(ReferralWorklistFixture.TODAY), fact(d, "factReferredBy"));
        assertEquals("Yes: the family agreed that information may be shared with the destination",
                fact(d, "factConsent"));
        assertEquals("Sent", fact(d, "factStatus"));
        assertEquals(data.words.date(ReferralWorklistFixture.TODAY.plusDays(14)), fact(d, "factFollowUp"));
        assertEquals("From a Hunger Vital Sign screen on " + data.words.date(ReferralWorklistFixture.TODAY),
                fact(d, "factScreen"));
        assertEquals(1, d.contacts().size(), "only the caregiver it is for");
        ContactLine ana = d.contacts().get(0);
        assertEquals("Phone: 510-555-0100", ana.phone());
        assertEquals(List.of("OK to call: Yes", "OK to text: No", "OK to leave a message: Yes"),
                ana.ways().stream().map(ReferralDetailsViewModel.Way::text).toList());
        assertEquals(1, d.history().size());
        assertEquals("Referred: Sent", d.history().get(0).what());
        assertEquals("Ada Admin", d.history().get(0).who());
        assertEquals("Not yet", measure(d, "measureFirstUpdate"));
        assertEquals("Still open", measure(d, "measureOutcome"));
        assertEquals(1, ReferralWorklistFixture.auditRows(dir, "VIEW", r.id()));
        assertTrue(d.canFollowUp() && d.canChangeStatus() && d.canReferElsewhere());
        assertFalse(d.canTryAgain());
    }

    @Test
    void forAChildEveryCaregiverIsShownAndARestrictedOneOnlyAsDoNotContact() {
        Referral r = data.refer(data.child.id(), Need.CHILD_DEVELOPMENT, "Help Me Grow", Urgency.ROUTINE);
        vm.show(r, data.family, ReferralWorklistFixture.TODAY);
        List<ContactLine> contacts = vm.detailsProperty().get().contacts();
        assertEquals(2, contacts.size());
        ContactLine luis = contacts.get(1);
        assertTrue(luis.restricted());
        assertEquals("", luis.phone(), "a restricted caregiver's phone is never shown");
        assertTrue(luis.ways().isEmpty());
        assertEquals("Lucía Pérez (child)", fact(vm.detailsProperty().get(), "factWho"));
    }

    @Test
    void aPrivateReferralStaysHiddenUntilOpenedAndOpeningIsAuditedAsPrivate() throws Exception {
        Referral r = data.safety();
        vm.show(r, data.family, ReferralWorklistFixture.TODAY);
        assertEquals(State.PRIVATE_HIDDEN, vm.stateProperty().get());
        assertNull(vm.detailsProperty().get());
        assertEquals(0, ReferralWorklistFixture.auditRows(dir, "VIEW_PRIVATE", r.id()));

        vm.show(r, data.family, ReferralWorklistFixture.TODAY);
        assertEquals(State.PRIVATE_HIDDEN, vm.stateProperty().get(), "choosing it again does not open it");

        vm.openPrivate();
        assertEquals(State.SHOWN, vm.stateProperty().get());
        assertEquals("Safety at home — National Domestic Violence Hotline", vm.detailsProperty().get().title());
        assertEquals(1, ReferralWorklistFixture.auditRows(dir, "VIEW_PRIVATE", r.id()));
        assertEquals(0, ReferralWorklistFixture.auditRows(dir, "VIEW", r.id()));
    }

    @Test
    void aFollowUpRecordedWhileHiddenKeepsThePrivateReferralHidden() {
        Referral r = data.safety();
        vm.show(r, data.family, ReferralWorklistFixture.TODAY);
        Referral after = data.app.referrals().recordFollowUp(r.id(), ContactOutcome.LEFT_MESSAGE, "", null);
        vm.changed(after);
        assertEquals(State.PRIVATE_HIDDEN, vm.stateProperty().get());
        assertEquals(List.of(r.id()), changed);
    }

    @Test
    void theLetterIsNeverOfferedToARestrictedCaregiver() {
        Referral r = data.food(Urgency.ROUTINE);
        vm.show(r, data.family, ReferralWorklistFixture.TODAY);
        List<LetterChoice> choices = vm.letterChoices();
        assertEquals(List.of(data.mother.id()), choices.stream().map(LetterChoice::recipientId)
                .filter(java.util.Objects::nonNull).toList());
        assertEquals("Clinic copy, and a family copy for Ana Pérez (Spanish)", choices.get(0).label());
        assertEquals("Clinic copy only", choices.get(choices.size() - 1).label());
        assertNull(choices.get(choices.size() - 1).recipientId());
        assertEquals("Not offered, because restricted (do not contact): Luis Pérez", vm.letterNote());
        assertEquals("referral-letter-2026-03-02.pdf", vm.letterFileName());
    }

    @Test
    void aPrivateReferralsLetterIsTheClinicCopyOnlyAndSaysWhy() {
        Referral r = data.safety();
        vm.show(r, data.family, ReferralWorklistFixture.TODAY);
        vm.openPrivate();
        assertEquals(List.of("Clinic copy only"), vm.letterChoices().stream().map(LetterChoice::label).toList());
        assertEquals("A private referral has only a clinic copy: nothing about it is ever printed for the family.",
                vm.letterNote());
    }

    @Test
    void aLetterThatCannotBeWrittenIsShownAsAProblemNotSaved() {
        Referral r = data.food(Urgency.ROUTINE);
        vm.show(r, data.family, ReferralWorklistFixture.TODAY);
        vm.letter(data.father.id(), dir.resolve("letter.pdf"));
        assertEquals(1, dialogs.problems.size());
        assertEquals("", vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aChangeShowsTheReferralAsItIsNowWithItsHistoryAndMeasures() {
        Referral r = data.food(Urgency.ROUTINE);
        vm.show(r, data.family, ReferralWorklistFixture.TODAY);
        data.days(2);
        data.app.referrals().recordFollowUp(r.id(), ContactOutcome.NO_ANSWER, "rang twice", null);
        data.days(3);
        Referral closed = data.app.referrals().changeStatus(r.id(), ReferralStatus.COULD_NOT_GET_HELP,
                "not eligible", "", null);
        vm.changed(closed);

        Details d = vm.detailsProperty().get();
        assertEquals(List.of(r.id()), changed);
        assertEquals("Could not get help — not eligible", fact(d, "factStatus"));
        assertEquals("None: closed " + data.words.date(ReferralWorklistFixture.TODAY.plusDays(5)),
                fact(d, "factFollowUp"));
        assertEquals("Sent → Could not get help", d.history().get(0).what(), "newest first");
        assertTrue(d.history().get(0).details().contains("Reason: not eligible"));
        assertEquals("Follow-up: No answer", d.history().get(1).what());
        assertTrue(d.history().get(1).details().contains("Note: rang twice"));
        assertEquals("2 days", measure(d, "measureFirstUpdate"));
        assertEquals("5 days", measure(d, "measureClosure"));
        assertEquals("Did not get help", measure(d, "measureOutcome"));
        assertFalse(d.canFollowUp());
        assertTrue(d.canTryAgain());
        assertFalse(d.canReferElsewhere());
    }

    @Test
    void aReferralMadeElsewhereLinksBothWays() {
        Referral first = data.food(Urgency.ROUTINE);
        Referral second = data.app.referrals().referElsewhere(first.id(), "no office nearby",
                data.destination("WIC (Women, Infants, and Children)").id(), true);
        vm.showById(second.id());
        Details d = vm.detailsProperty().get();
        assertEquals("Food — CalFresh (Referred elsewhere)", fact(d, "factPrevious"));
        assertEquals(first.id(), d.previous().id());

        vm.showById(first.id());
        assertEquals("Food — WIC (Women, Infants, and Children) (Sent)", fact(vm.detailsProperty().get(),
                "factNext"));
    }
}
