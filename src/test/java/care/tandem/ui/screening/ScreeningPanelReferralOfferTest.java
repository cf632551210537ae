package care.tandem.ui.screening;

import care.tandem.domain.referral.Need;
import care.tandem.domain.screening.Screening;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.ui.referral.ReferralOffer;
import care.tandem.ui.screening.ScreeningPanelViewModel.ResultLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A positive result offers a referral for its needs (UX.md "Act"); a private (safety) need is never offered on the
 * public line, only behind "Private".
 */
class ScreeningPanelReferralOfferTest {
    @TempDir
    Path dir;
    private ReferralOfferFixture data;
    private ScreeningPanelViewModel vm;

    @BeforeEach
    void setUp() {
        data = ReferralOfferFixture.signedIn(dir);
        vm = new ScreeningPanelViewModel(data.app.screening(), new SyncRunner(), new FakeDialogs(),
                new ScreeningWords(new Texts(Locale.ENGLISH), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        data.app.close();
    }

    private ResultLine line(String instrument) {
        return vm.panel().latest().stream().filter(l -> l.instrumentId().equals(instrument)).findFirst()
                .orElseThrow();
    }

    @Test
    void aPositiveHungerVitalSignOffersAFoodReferralFromItsVisitAndScreen() {
        Screening hvs = data.hungerVitalSignPositive();
        vm.show(data.family);

        ResultLine line = line("hvs");
        assertEquals(List.of(Need.FOOD), line.needs());
        assertEquals(List.of(), line.privateNeeds());
        ReferralOffer offer = line.offer(Need.FOOD);
        assertEquals(new ReferralOffer(data.mother.id(), Need.FOOD, hvs.visitId(), hvs.id(),
                "Positive Hunger Vital Sign on Mar 10, 2026"), offer);
    }

    @Test
    void aPositiveSafetyDomainIsOfferedOnlyAsAPrivateNeedAndNeverInThePublicReason() {
        data.ahcWithPositiveSafety();
        vm.show(data.family);

        ResultLine line = line("ahc-hrsn");
        assertEquals(List.of(Need.INTERPERSONAL_SAFETY), line.privateNeeds());
        assertFalse(line.needs().contains(Need.INTERPERSONAL_SAFETY), line.needs()::toString);
        assertTrue(line.needs().stream().noneMatch(Need::isPrivate));
        String reason = line.referReason().toLowerCase(Locale.ROOT);
        assertEquals("positive social needs (ahc hrsn) on mar 10, 2026", reason);
    }

    @Test
    void aNegativeResultOffersNoReferral() {
        Screening s = data.app.screening().start(data.visit(), data.mother.id(), data.mother.id(), "hvs", "en",
                care.tandem.domain.screening.AdministrationMode.CLINICIAN);
        data.app.screening().answer(s.id(), care.tandem.domain.screening.Answer.choice("88122-7", "LA28398-8"));
        data.app.screening().answer(s.id(), care.tandem.domain.screening.Answer.choice("88123-5", "LA28398-8"));
        data.app.screening().finish(s.id());
        vm.show(data.family);

        ResultLine line = line("hvs");
        assertEquals("Negative", line.outcome());
        assertTrue(line.needs().isEmpty());
        assertTrue(line.privateNeeds().isEmpty());
    }
}
