package care.tandem.ui.referral;

import care.tandem.AppContext;
import care.tandem.domain.family.ContactPreferences;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.MemberKind;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.Urgency;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;
import care.tandem.i18n.Texts;
import care.tandem.service.NewReferral;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import care.tandem.ui.family.FamilyFormat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A clinic on a hand-moved clock (Monday 2 March 2026, 17:00 UTC) with the Pérez family: Lucía (3 months), her
 * mother Ana (OK to call and to leave messages, no texts) and her father Luis (restricted: must not be contacted);
 * referrals are made through the real service.
 */
final class ReferralWorklistFixture {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    final MutableClock clock = MutableClock.at("2026-03-02T17:00:00Z");
    final AppContext app;
    final Member child;
    final Member mother;
    final Member father;
    final Family family;
    final Texts texts = new Texts(Locale.ENGLISH);
    final ReferralWords words = new ReferralWords(texts);

    ReferralWorklistFixture(Path dir) {
        app = TestApp.signedIn(dir, clock);
        child = TestApp.child("Lucía", "Pérez", LocalDate.of(2025, 12, 1));
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "510-555-0100");
        father = new Member(UUID.randomUUID(), MemberKind.CAREGIVER, "Luis", "Pérez", LocalDate.of(1990, 1, 5),
                Sex.MALE, "es", false, Relationship.FATHER, "510-555-0199", new ContactPreferences(true, true, true),
                false, true, "", "");
        family = app.families().save(TestApp.family(child, mother, father));
    }

    FamilyFormat format() {
        return new FamilyFormat(texts, app.clock());
    }

    Destination destination(String name) {
        return app.referrals().destinations(false).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** A sent referral for the mother (or the child) to a destination named as in the directory. */
    Referral refer(UUID subject, Need need, String destination, Urgency urgency) {
        return app.referrals().create(new NewReferral(family.id(), subject, ReferralKind.COMMUNITY, need,
                destination(destination).id(), "", urgency, null, true, true, null, null, null));
    }

    Referral food(Urgency urgency) {
        return refer(mother.id(), Need.FOOD, "CalFresh", urgency);
    }

    /** A referral to the domestic-violence hotline: private. */
    Referral safety() {
        return refer(mother.id(), Need.INTERPERSONAL_SAFETY, "National Domestic Violence Hotline", Urgency.URGENT);
    }

    /** A finished Hunger Vital Sign, positive, for the mother. */
    Screening positiveHvs() {
        Visit v = app.screening().visitToday(family.id(), child.id(), List.of(mother.id()));
        Screening s = app.screening().start(v.id(), mother.id(), mother.id(), "hvs", "en",
                AdministrationMode.CLINICIAN);
        app.screening().answer(s.id(), Answer.choice("88122-7", "LA6729-3"));
        app.screening().answer(s.id(), Answer.choice("88123-5", "LA28398-8"));
        return app.screening().finish(s.id()).screening();
    }

    void days(int n) {
        clock.advance(Duration.ofDays(n));
    }

    void close() {
        app.close();
    }

    /** Rows of the audit log with this action about this record (read beside the app, as WAL allows). */
    static int auditRows(Path dir, String action, UUID entityId) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_event WHERE action = '" + action
                     + "' AND entity_id = '" + entityId + "'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
