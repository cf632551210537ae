package care.tandem.ui.referral;

import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.Urgency;
import care.tandem.i18n.Texts;
import care.tandem.service.NewReferral;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.ui.referral.FamilyReferralsPanelViewModel.Panel;
import care.tandem.ui.referral.FamilyReferralsPanelViewModel.Row;
import care.tandem.ui.screening.ReferralOfferFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The family page's referral panel: order, overdue in words, private referrals hidden, with a real data folder. */
class FamilyReferralsPanelViewModelTest {
    @TempDir
    Path dir;
    private ReferralOfferFixture data;
    private final FakeDialogs dialogs = new FakeDialogs();
    private FamilyReferralsPanelViewModel vm;

    @BeforeEach
    void setUp() {
        data = ReferralOfferFixture.signedIn(dir);
        vm = new FamilyReferralsPanelViewModel(data.app.referrals(), new SyncRunner(), dialogs,
                new ReferralWords(new Texts(Locale.ENGLISH)), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        data.app.close();
    }

    private Destination destination(String name) {
        return data.app.referrals().destinations(false).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private Referral refer(Need need, String destination, Urgency urgency, LocalDate followUp) {
        return data.app.referrals().create(new NewReferral(data.family.id(), data.mother.id(), ReferralKind.COMMUNITY,
                need, destination(destination).id(), "", urgency, followUp, true, true, null, null, null));
    }

    @Test
    void aFamilyWithoutReferralsHasAnEmptyPanel() {
        vm.show(data.family);

        Panel p = vm.panel();
        assertTrue(p.empty());
        assertEquals(0, p.overdue());
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
    }

    @Test
    void openReferralsComeFirstByFollowUpDateAndOverdueOnesSayByHowMuch() {
        refer(Need.FOOD, "CalFresh", Urgency.ROUTINE, null);
        refer(Need.CHILD_DEVELOPMENT, "Early Start (Regional Center)", Urgency.URGENT, null);
        Referral declined = data.app.referrals().declineOffer(new NewReferral(data.family.id(), data.mother.id(),
                ReferralKind.COMMUNITY, Need.TOBACCO, destination("Kick It California").id(), "", Urgency.ROUTINE,
                null, false, false, null, null, null), "Not interested");
        data.clock.advance(Duration.ofDays(4));

        vm.show(data.family);

        Panel p = vm.panel();
        assertEquals(2, p.open().size());
        Row first = p.open().get(0);
        assertEquals("Child development — Early Start (Regional Center)", first.title());
        assertEquals("Overdue 3 days", first.when());
        assertTrue(first.overdue());
        assertEquals("Sent", first.status());
        assertEquals("for Ana", first.who());
        Row second = p.open().get(1);
        assertEquals("Food — CalFresh", second.title());
        assertEquals("Follow up Mar 24, 2026", second.when());
        assertFalse(second.overdue());
        assertEquals(1, p.overdue());
        assertEquals(List.of(declined.id()), p.closed().stream().map(Row::referralId).toList());
        assertEquals("Family declined", p.closed().get(0).status());
        assertEquals("Closed Mar 10, 2026", p.closed().get(0).when());
        assertFalse(p.closed().get(0).open());
    }

    @Test
    void aPrivateReferralReadsOnlyPrivateReferralWithoutNeedDestinationOrPerson() {
        refer(Need.INTERPERSONAL_SAFETY, "National Domestic Violence Hotline", Urgency.SOON, null);

        vm.show(data.family);

        Row row = vm.panel().open().get(0);
        assertTrue(row.privateReferral());
        assertEquals("Private referral", row.title());
        assertEquals("", row.who());
        String all = String.join(" ", row.title(), row.who(), row.status(), row.when()).toLowerCase(Locale.ROOT);
        assertFalse(all.contains("violence") || all.contains("safety") || all.contains("hotline"), all);
    }

    @Test
    void refreshShowsAReferralMadeMeanwhileAndAnotherFamilyStartsEmpty() {
        vm.show(data.family);
        assertTrue(vm.panel().empty());
        refer(Need.FOOD, "WIC (Women, Infants, and Children)", Urgency.ROUTINE, null);

        vm.refresh();
        assertEquals(1, vm.panel().open().size());

        vm.show(null);
        assertNull(vm.panel());
        assertFalse(vm.loadingProperty().get());
    }
}
