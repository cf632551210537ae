package care.tandem.ui.referral;

import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.ui.referral.ReferralWorklistViewModel.Row;
import care.tandem.ui.referral.ReferralWorklistViewModel.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralWorklistViewModelTest {
    @TempDir
    Path dir;
    private ReferralWorklistFixture data;
    private final FakeDialogs dialogs = new FakeDialogs();
    private ReferralWorklistViewModel vm;

    @BeforeEach
    void setUp() {
        data = new ReferralWorklistFixture(dir);
        vm = new ReferralWorklistViewModel(data.app.referrals(), data.app.accounts(), new SyncRunner(), dialogs,
                data.words, data.format());
    }

    @AfterEach
    void close() {
        data.close();
    }

    private Row row(Referral r) {
        return vm.rows().stream().filter(x -> x.id().equals(r.id())).findFirst().orElseThrow();
    }

    @Test
    void theMostOverdueReferralComesFirstMarkedInWordsAndColour() {
        Referral routine = data.food(Urgency.ROUTINE);
        Referral urgent = data.refer(data.child.id(), Need.CHILD_DEVELOPMENT, "Help Me Grow", Urgency.URGENT);
        data.days(4);

        vm.load();

        assertEquals(List.of(urgent.id(), routine.id()), vm.rows().stream().map(Row::id).toList());
        Row first = vm.rows().get(0);
        assertEquals("Overdue 3 days", first.followUp());
        assertEquals(ReferralWorklistViewModel.OVERDUE_STYLE, first.followUpStyle());
        assertEquals("Lucía Pérez (child)", first.forWhom());
        assertEquals("Child development — Help Me Grow", first.title());
        assertEquals("Sent", first.status());
        assertEquals("Urgent", first.urgency());
        assertEquals("Ada Admin", first.referrer());
        assertTrue(first.family().startsWith("Lucía Pérez"), first.family());
        Row second = vm.rows().get(1);
        assertEquals("Follow up " + data.words.date(ReferralWorklistFixture.TODAY.plusDays(14)), second.followUp());
        assertEquals(ReferralWorklistViewModel.LATER_STYLE, second.followUpStyle());
        assertEquals("Ana Pérez (Mother)", second.forWhom());
        assertEquals("2 referrals", vm.countText().get());
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void aFollowUpDueTodaySaysSo() {
        data.refer(data.mother.id(), Need.MENTAL_HEALTH, "988 Suicide & Crisis Lifeline", Urgency.SAME_DAY);
        vm.load();
        assertEquals("Follow up today", vm.rows().get(0).followUp());
        assertEquals(ReferralWorklistViewModel.TODAY_STYLE, vm.rows().get(0).followUpStyle());
    }

    @Test
    void aPrivateReferralIsListedOnlyAsPrivateReferral() {
        data.safety();
        vm.load();
        Row row = vm.rows().get(0);
        assertEquals("Private referral", row.title());
        String all = String.join(" ", row.followUp(), row.family(), row.forWhom(), row.title(), row.status(),
                row.urgency(), row.referrer(), row.contact());
        assertFalse(all.contains("Domestic"), all);
        assertFalse(all.contains("Safety"), all);
    }

    @Test
    void theNeedFilterNeverOffersThePrivateNeed() {
        assertTrue(vm.needs().stream().noneMatch(c -> c.value() == Need.INTERPERSONAL_SAFETY));
        assertEquals("Any need", vm.needs().get(0).label());
        assertEquals(Need.values().length, vm.needs().size());
    }

    @Test
    void theSafeContactColumnNamesHowEachCaregiverMayBeReachedAndWhoMustNotBe() {
        Referral forChild = data.refer(data.child.id(), Need.CHILD_DEVELOPMENT, "Help Me Grow", Urgency.ROUTINE);
        Referral forMother = data.food(Urgency.ROUTINE);
        vm.load();
        assertEquals("Ana — call, message; Luis — restricted, do not contact", row(forChild).contact());
        assertEquals("Ana — call, message", row(forMother).contact());
    }

    @Test
    void filtersNarrowByStatusNeedClinicianAndFamilyName() {
        Referral food = data.food(Urgency.ROUTINE);
        Referral development = data.refer(data.child.id(), Need.CHILD_DEVELOPMENT, "Help Me Grow", Urgency.URGENT);
        data.app.referrals().changeStatus(food.id(), ReferralStatus.COMPLETED, "", "got CalFresh", null);
        vm.load();
        assertEquals(List.of(development.id()), vm.rows().stream().map(Row::id).toList(), "open ones by default");

        vm.status().set(vm.statuses().stream().filter(s -> s.scope() == Scope.CLOSED).findFirst().orElseThrow());
        assertEquals(List.of(food.id()), vm.rows().stream().map(Row::id).toList());
        assertEquals("Completed — got help", vm.rows().get(0).followUp());

        vm.status().set(vm.statuses().stream().filter(s -> s.status() == ReferralStatus.SENT).findFirst()
                .orElseThrow());
        assertEquals(List.of(development.id()), vm.rows().stream().map(Row::id).toList());

        vm.status().set(vm.statuses().stream().filter(s -> s.scope() == Scope.OVERDUE).findFirst().orElseThrow());
        assertTrue(vm.rows().isEmpty());
        assertEquals("Nothing matches these filters. Choose \"Anyone\", \"Any need\" and \"Open\", or clear the "
                + "family box.", vm.emptyText().get());
        data.days(2);
        vm.refresh();
        assertEquals(List.of(development.id()), vm.rows().stream().map(Row::id).toList());

        vm.status().set(vm.statuses().get(0));
        vm.need().set(vm.needs().stream().filter(c -> c.value() == Need.FOOD).findFirst().orElseThrow());
        assertTrue(vm.rows().isEmpty());
        vm.need().set(vm.needs().get(0));

        vm.referrer().set(vm.referrers().stream().filter(c -> "Ada Admin".equals(c.label())).findFirst()
                .orElseThrow());
        assertEquals(1, vm.rows().size());

        vm.familyText().set("perez");
        assertEquals(1, vm.rows().size(), "accents do not matter");
        vm.familyText().set("García");
        assertTrue(vm.rows().isEmpty());
        assertEquals("0 of 1 referrals", vm.countText().get());
    }

    @Test
    void anEmptyWorklistSaysWhatToDo() {
        vm.load();
        assertEquals("No open referrals. A positive screen offers one, or refer from a family's page.",
                vm.emptyText().get());
        assertEquals("0 referrals", vm.countText().get());
    }

    @Test
    void theReferrerFilterListsEveryClinicianAfterAnyone() {
        vm.load();
        assertEquals("Anyone", vm.referrers().get(0).label());
        assertNull(vm.referrers().get(0).value());
        assertTrue(vm.referrers().stream().anyMatch(c -> "Ada Admin".equals(c.label())));
    }

    @Test
    void aChangeKeepsTheSameReferralChosenAndNoLongerOverdue() {
        Referral urgent = data.food(Urgency.URGENT);
        data.food(Urgency.ROUTINE);
        data.days(3);
        vm.load();
        vm.selected().set(row(urgent));
        assertEquals("Overdue 2 days", vm.selected().get().followUp());

        data.app.referrals().recordFollowUp(urgent.id(), ContactOutcome.REACHED, "", null);
        vm.changed(urgent.id());

        assertEquals(urgent.id(), vm.selected().get().id());
        assertEquals(ReferralWorklistViewModel.LATER_STYLE, vm.selected().get().followUpStyle());
        assertFalse(vm.afterChange(), "only while that reload is shown");
    }

    @Test
    void overdueFromTheStatusBarChoosesTheOverdueFilter() {
        vm.showOverdue();
        assertEquals(Scope.OVERDUE, vm.status().get().scope());
        assertTrue(vm.filter().overdueOnly());
    }

    @Test
    void spanishWordsTheListInSpanish() {
        data.food(Urgency.URGENT);
        data.days(3);
        care.tandem.i18n.Texts es = new care.tandem.i18n.Texts(new Locale("es"));
        ReferralWorklistViewModel spanish = new ReferralWorklistViewModel(data.app.referrals(), data.app.accounts(),
                new SyncRunner(), dialogs, new ReferralWords(es), new care.tandem.ui.family.FamilyFormat(es,
                data.app.clock()));
        spanish.load();
        assertEquals("Atrasada 2 días", spanish.rows().get(0).followUp());
        assertEquals("1 derivación", spanish.countText().get());
        assertEquals("Cualquiera", spanish.referrers().get(0).label());
    }
}
