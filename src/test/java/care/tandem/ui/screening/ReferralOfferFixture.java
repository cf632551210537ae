package care.tandem.ui.screening;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.Screening;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A family to refer from, on a real data folder with a fixed clock (today is 10 March 2026 in UTC): a two-month-old,
 * her mother Ana, and her father Luis, who must not receive information; screens given through the real service.
 */
public final class ReferralOfferFixture {
    /** The clinic's today. */
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String OFTEN_TRUE = "LA28397-0";

    public final MutableClock clock;
    public final AppContext app;
    public final Member child;
    public final Member mother;
    public final Member father;
    public final Family family;

    private ReferralOfferFixture(Path dir) {
        clock = MutableClock.at("2026-03-10T17:00:00Z");
        app = TestApp.signedIn(dir, clock);
        child = TestApp.child("Lucía", "Pérez", TODAY.minusMonths(2).minusDays(3));
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        Member luis = TestApp.caregiver("Luis", "Pérez", Relationship.FATHER, "5105550111");
        father = new Member(luis.id(), luis.kind(), luis.givenName(), luis.familyName(), luis.birthDate(), luis.sex(),
                luis.preferredLanguage(), false, luis.relationship(), luis.phone(), luis.contact(), false, true, "", "");
        family = app.families().save(TestApp.family(child, mother, father));
    }

    /** A new data folder, signed in, with the family saved. */
    public static ReferralOfferFixture signedIn(Path dir) {
        return new ReferralOfferFixture(dir);
    }

    /** Today's visit of the family, with the mother present. */
    public UUID visit() {
        return app.screening().visitToday(family.id(), child.id(), List.of(mother.id())).id();
    }

    /** A finished Hunger Vital Sign of the mother, both statements "Often true": positive for food. */
    public Screening hungerVitalSignPositive() {
        Screening s = app.screening().start(visit(), mother.id(), mother.id(), "hvs", "en",
                AdministrationMode.CLINICIAN);
        app.screening().answer(s.id(), Answer.choice("88122-7", OFTEN_TRUE));
        app.screening().answer(s.id(), Answer.choice("88123-5", OFTEN_TRUE));
        return app.screening().finish(s.id()).screening();
    }

    /**
     * A finished AHC HRSN of the mother: every safety item answered with its last option (positive, 20), every
     * other item with its first option.
     */
    public Screening ahcWithPositiveSafety() {
        Instrument ahc = app.screening().instruments().get("ahc-hrsn");
        Set<String> privateItems = ahc.privateItems();
        Screening s = app.screening().start(visit(), mother.id(), mother.id(), "ahc-hrsn", "en",
                AdministrationMode.CLINICIAN);
        for (Item item : ahc.items()) {
            Answer answer;
            if (item.kind() == ItemKind.INTEGER) {
                answer = Answer.value(item.code(), item.min() == null ? 0 : item.min());
            } else if (item.options().isEmpty()) {
                continue;
            } else if (privateItems.contains(item.code())) {
                answer = Answer.choice(item.code(), item.options().get(item.options().size() - 1).code());
            } else if (item.kind() == ItemKind.MULTI_CHOICE) {
                answer = Answer.choices(item.code(), List.of(item.options().get(item.options().size() - 1).code()));
            } else {
                answer = Answer.choice(item.code(), item.options().get(0).code());
            }
            app.screening().answer(s.id(), answer);
        }
        return app.screening().finish(s.id()).screening();
    }
}
