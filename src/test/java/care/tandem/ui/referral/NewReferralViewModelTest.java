package care.tandem.ui.referral;

import care.tandem.domain.family.Family;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.domain.screening.Screening;
import care.tandem.i18n.Texts;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import care.tandem.ui.family.FamilyFormat;
import care.tandem.ui.referral.NewReferralViewModel.DestinationChoice;
import care.tandem.ui.referral.NewReferralViewModel.Fact;
import care.tandem.ui.referral.NewReferralViewModel.Pick;
import care.tandem.ui.screening.ReferralOfferFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The new-referral dialog's state and actions, with a synchronous runner on a real data folder. */
class NewReferralViewModelTest {
    private static final String FROM_SCREEN = "Positive Hunger Vital Sign on Mar 10, 2026";
    @TempDir
    Path dir;
    private ReferralOfferFixture data;
    private final Texts texts = new Texts(Locale.ENGLISH);

    @BeforeEach
    void setUp() {
        data = ReferralOfferFixture.signedIn(dir);
    }

    @AfterEach
    void close() {
        data.app.close();
    }

    private NewReferralViewModel model(Family family, ReferralOffer offer) {
        NewReferralViewModel vm = new NewReferralViewModel(data.app.referrals(), new SyncRunner(),
                new ReferralWords(texts), new FamilyFormat(texts, data.clock), family, offer);
        vm.load();
        return vm;
    }

    private NewReferralViewModel fromHungerScreen() {
        Screening hvs = data.hungerVitalSignPositive();
        return model(data.family, new ReferralOffer(data.mother.id(), Need.FOOD, hvs.visitId(), hvs.id(),
                FROM_SCREEN));
    }

    private static List<String> names(NewReferralViewModel vm) {
        List<String> out = new ArrayList<>();
        for (DestinationChoice c : vm.destinations()) {
            out.add(vm.destinationLabel(c));
        }
        return out;
    }

    private static Referral save(java.util.function.Consumer<java.util.function.Consumer<Referral>> action) {
        AtomicReference<Referral> saved = new AtomicReference<>();
        action.accept(saved::set);
        return saved.get();
    }

    @Test
    void anOfferFromAPositiveHungerScreenPreselectsFoodAndSuggestsFoodDestinationsFirst() {
        NewReferralViewModel vm = fromHungerScreen();

        assertEquals(Need.FOOD, vm.need().get());
        assertEquals(data.mother.id(), vm.subject().get().id());
        assertEquals(List.of("CalFresh", "Local food bank or pantry (through 2-1-1)",
                "WIC (Women, Infants, and Children)", "2-1-1 California", "Other in the directory…",
                "Not in the directory"), names(vm));
        assertEquals("CalFresh", vm.chosenDestination().name(), "the most specific suggestion is preselected");
        assertTrue(vm.facts().contains(new Fact("Phone", "1-877-847-3663")), vm.facts()::toString);
        assertTrue(vm.facts().contains(new Fact("Web", "GetCalFresh.org")), vm.facts()::toString);
        assertEquals(FROM_SCREEN, vm.reason().get());
        assertEquals(Urgency.ROUTINE, vm.urgency().get());
        assertEquals("03/24/2026", vm.followUpText().get(), "routine: today + 14 days");
        assertEquals("Mar 24, 2026: in 14 days", vm.followUpWords().get());
        assertFalse(vm.consent().get(), "consent is asked, never assumed");
        assertFalse(vm.privateReferral().get());
        assertEquals(ReferralKind.COMMUNITY, vm.kind().get());
    }

    @Test
    void referMakesASentReferralLinkedToTheScreenAndVisitWithTheDefaultFollowUp() {
        Screening hvs = data.hungerVitalSignPositive();
        NewReferralViewModel vm = model(data.family, new ReferralOffer(data.mother.id(), Need.FOOD, hvs.visitId(),
                hvs.id(), FROM_SCREEN));
        vm.consent().set(true);

        Referral made = save(vm::refer);

        assertNotNull(made, vm.message().get());
        Referral stored = data.app.referrals().forFamily(data.family.id()).get(0);
        assertEquals(made.id(), stored.id());
        assertEquals(ReferralStatus.SENT, stored.status());
        assertEquals(Need.FOOD, stored.need());
        assertEquals("CalFresh", stored.destinationName());
        assertEquals(hvs.id(), stored.screeningId());
        assertEquals(hvs.visitId(), stored.visitId());
        assertEquals(data.mother.id(), stored.subjectId());
        assertEquals(ReferralOfferFixture.TODAY.plusDays(14), stored.followUpDate());
        assertEquals(FROM_SCREEN, stored.reason());
        assertTrue(stored.consentToShare());
        assertFalse(stored.privateReferral());
    }

    @Test
    void saveAsDraftKeepsItUnsent() {
        NewReferralViewModel vm = fromHungerScreen();

        Referral made = save(vm::saveDraft);

        assertEquals(ReferralStatus.DRAFT, made.status());
        assertFalse(made.consentToShare());
    }

    @Test
    void aPastFollowUpDateIsRefusedWithAClearMessageAndNothingTypedIsLost() {
        NewReferralViewModel vm = fromHungerScreen();
        vm.reason().set("Runs out of formula at month end");
        vm.consent().set(true);
        vm.followUpText().set("03/09/2026");

        Referral made = save(vm::refer);

        assertNull(made);
        assertEquals("The follow-up date Mar 9, 2026 is in the past. Choose today (Mar 10, 2026) or a later date.",
                vm.message().get());
        assertTrue(vm.followUpPast().get());
        assertEquals("Mar 9, 2026: in the past, choose today or a later date", vm.followUpWords().get());
        assertTrue(data.app.referrals().forFamily(data.family.id()).isEmpty());
        assertEquals("Runs out of formula at month end", vm.reason().get());
        assertEquals("03/09/2026", vm.followUpText().get());
        assertTrue(vm.consent().get());

        vm.followUpText().set("03/10/2026");
        Referral today = save(vm::refer);
        assertEquals(ReferralOfferFixture.TODAY, today.followUpDate(), "today itself is allowed");
        assertEquals("", vm.message().get());
    }

    @Test
    void aDateThatIsNotADateIsRefusedInWords() {
        NewReferralViewModel vm = fromHungerScreen();
        vm.followUpText().set("next week");

        assertNull(save(vm::refer));

        assertEquals("\"next week\" is not a date. Write the follow-up date as MM/DD/YYYY.", vm.message().get());
        assertEquals("Not a date: write it as MM/DD/YYYY", vm.followUpWords().get());
    }

    @Test
    void urgencyMovesTheDefaultDateUntilTheClinicianTypesOne() {
        NewReferralViewModel vm = fromHungerScreen();

        vm.urgency().set(Urgency.SOON);
        assertEquals("03/17/2026", vm.followUpText().get());
        vm.urgency().set(Urgency.SAME_DAY);
        assertEquals("03/10/2026", vm.followUpText().get());
        assertEquals("Mar 10, 2026: today", vm.followUpWords().get());

        vm.followUpText().set("04/01/2026");
        vm.urgency().set(Urgency.URGENT);
        assertEquals("04/01/2026", vm.followUpText().get(), "a typed date is the clinician's");
    }

    @Test
    void aCrisisNeedDefaultsToUrgentFollowedUpTomorrow() {
        NewReferralViewModel vm = model(data.family, ReferralOffer.blank());
        assertNull(vm.need().get(), "nothing is preselected from the family page");

        vm.need().set(Need.CRISIS);

        assertEquals(Urgency.URGENT, vm.urgency().get());
        assertEquals("03/11/2026", vm.followUpText().get());
        assertEquals("Mar 11, 2026: tomorrow", vm.followUpWords().get());
        assertEquals("988 Suicide & Crisis Lifeline", vm.chosenDestination().name());
    }

    @Test
    void familyDeclinedNeedsAReasonAndRecordsAClosedFamilyDeclinedReferral() {
        NewReferralViewModel vm = fromHungerScreen();
        vm.startDecline();
        assertTrue(vm.declining().get());

        assertNull(save(vm::decline));
        assertEquals("Choose why the family declined, or write the reason.", vm.message().get());

        vm.declineReason().set("referral.new.decline.alreadyHelped");
        vm.declineDetails().set("food bank at church");
        Referral declined = save(vm::decline);

        assertNotNull(declined, vm.message().get());
        assertEquals(ReferralStatus.FAMILY_DECLINED, declined.status());
        assertFalse(declined.open());
        assertEquals("Already receiving help: food bank at church", declined.statusReason());
        assertEquals(Need.FOOD, declined.need());
        assertNotNull(declined.screeningId());
    }

    @Test
    void aSafetyNeedShowsThePrivateNoticeAndMakesAPrivateReferral() {
        Screening hvs = data.hungerVitalSignPositive();
        NewReferralViewModel vm = model(data.family, new ReferralOffer(data.mother.id(), Need.INTERPERSONAL_SAFETY,
                hvs.visitId(), hvs.id(), ""));

        assertTrue(vm.privateReferral().get());
        assertEquals("National Domestic Violence Hotline", vm.chosenDestination().name());

        Referral made = save(vm::refer);
        assertTrue(made.privateReferral());
        assertEquals("Private referral", new ReferralWords(texts).title(made));

        vm.need().set(Need.FOOD);
        assertFalse(vm.privateReferral().get());
    }

    @Test
    void aDestinationNotInTheDirectoryMustBeNamedAndTheReasonNamesIt() {
        NewReferralViewModel vm = fromHungerScreen();
        vm.destination().set(DestinationChoice.NOT_LISTED);
        assertTrue(vm.facts().isEmpty());

        assertNull(save(vm::refer));
        assertEquals("Write the name of the destination that is not in the directory.", vm.message().get());

        vm.destinationName().set("St. Mary's pantry");
        Referral made = save(vm::refer);

        assertNull(made.destinationId());
        assertEquals("St. Mary's pantry — " + FROM_SCREEN, made.reason());
        assertEquals("Food — St. Mary's pantry — " + FROM_SCREEN, new ReferralWords(texts).title(made));
    }

    @Test
    void anotherDirectoryEntryCanBeChosenAndItsFactsAreShown() {
        NewReferralViewModel vm = fromHungerScreen();
        vm.destination().set(DestinationChoice.OTHER);
        assertNull(vm.chosenDestination());
        assertNull(save(vm::refer));
        assertEquals("Choose a destination, or \"Not in the directory\" and write its name.", vm.message().get());

        Destination helpMeGrow = vm.directory().stream().filter(d -> d.name().equals("Help Me Grow")).findFirst()
                .orElseThrow();
        vm.otherDestination().set(helpMeGrow);

        assertEquals("Help Me Grow", vm.chosenDestination().name());
        assertTrue(vm.facts().stream().anyMatch(f -> f.label().equals("Notes")), vm.facts()::toString);
        assertEquals("Help Me Grow", save(vm::refer).destinationName());
    }

    @Test
    void aNewNeedKeepsAChosenDestinationThatServesIt() {
        NewReferralViewModel vm = fromHungerScreen();
        DestinationChoice twoOneOne = vm.destinations().stream()
                .filter(c -> c.pick() == Pick.LISTED && c.destination().name().equals("2-1-1 California"))
                .findFirst().orElseThrow();
        vm.destination().set(twoOneOne);

        vm.need().set(Need.HOUSING);
        assertEquals("2-1-1 California", vm.chosenDestination().name());

        vm.need().set(Need.CHILD_DEVELOPMENT);
        assertEquals("Early Start (Regional Center)", vm.chosenDestination().name());
    }

    @Test
    void aWarmHandOffGoesToTheClinicianTodayAndGoingBackRestoresTheReferral() {
        NewReferralViewModel vm = fromHungerScreen();
        vm.urgency().set(Urgency.SOON);

        vm.kind().set(ReferralKind.WARM_HANDOFF);
        assertTrue(vm.warmHandoff().get());
        assertEquals(Need.MENTAL_HEALTH, vm.need().get());
        assertEquals(Urgency.SAME_DAY, vm.urgency().get());
        assertEquals("03/10/2026", vm.followUpText().get());
        assertEquals("Behavioural-health clinician (warm hand-off)", vm.chosenDestination().name());

        vm.kind().set(ReferralKind.COMMUNITY);
        assertEquals(Need.FOOD, vm.need().get());
        assertEquals(Urgency.SOON, vm.urgency().get());
        assertEquals("03/17/2026", vm.followUpText().get());
        assertEquals("CalFresh", vm.chosenDestination().name());
        assertFalse(vm.consent().get());

        vm.kind().set(ReferralKind.WARM_HANDOFF);
        Referral handoff = save(vm::refer);
        assertEquals(ReferralKind.WARM_HANDOFF, handoff.kind());
        assertEquals(ReferralStatus.SENT, handoff.status());
        assertEquals(ReferralOfferFixture.TODAY, handoff.followUpDate());
        assertNotNull(handoff.visitId());
    }

    @Test
    void aRestrictedCaregiverMayBeTheSubjectButIsMarked() {
        NewReferralViewModel vm = model(data.family, ReferralOffer.blank());
        assertEquals(data.mother.id(), vm.subject().get().id(), "the first caregiver who may be contacted");
        assertFalse(vm.subjectRestricted().get());

        vm.subject().set(vm.people().stream().filter(m -> m.id().equals(data.father.id())).findFirst().orElseThrow());

        assertTrue(vm.subjectRestricted().get());
        assertEquals("Luis Pérez (Father) · Restricted — do not contact", vm.personLabel(vm.subject().get()));
        assertEquals("Lucía Pérez (child, 2 mo)", vm.personLabel(data.child));
        assertEquals("Ana Pérez (Mother)", vm.personLabel(data.mother));
    }

    @Test
    void withoutANeedNothingIsSaved() {
        NewReferralViewModel vm = model(data.family, ReferralOffer.blank());

        assertNull(save(vm::refer));

        assertEquals("Choose what the referral is for (the need).", vm.message().get());
        assertEquals(List.of("Other in the directory…", "Not in the directory"), names(vm));
    }

    @Test
    void aFailureOfTheServiceIsShownInTheDialogAndWhatWasTypedStays() {
        Family unsaved = TestApp.family(TestApp.child("Mia", "Soto", ReferralOfferFixture.TODAY.minusMonths(4)),
                data.mother);
        NewReferralViewModel vm = model(unsaved, new ReferralOffer(data.mother.id(), Need.FOOD, null, null,
                "Asked for help with food"));

        assertNull(save(vm::refer));

        assertFalse(vm.message().get().isBlank());
        assertFalse(vm.busy().get());
        assertEquals("Asked for help with food", vm.reason().get());
        assertEquals("CalFresh", vm.chosenDestination().name());
    }
}
