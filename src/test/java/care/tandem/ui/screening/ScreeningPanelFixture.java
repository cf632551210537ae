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
import care.tandem.testing.TestApp;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A family with a two-month-old and screens given through the real service, for the panel and alert tests. */
final class ScreeningPanelFixture {
    static final List<String> PHQ9 = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2",
            "44252-5", "44253-3", "44260-8");
    static final String[] POINTS = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

    final AppContext app;
    final Member child;
    final Member mother;
    final Family family;

    ScreeningPanelFixture(AppContext app, String surname, LocalDate born) {
        this.app = app;
        child = TestApp.child("Lucía", surname, born);
        mother = TestApp.caregiver("Ana", surname, Relationship.MOTHER, "5105550100");
        family = app.families().save(TestApp.family(child, mother));
    }

    static ScreeningPanelFixture signedIn(Path dir) {
        return new ScreeningPanelFixture(TestApp.signedIn(dir, Clock.systemDefaultZone()), "Pérez",
                LocalDate.now().minusMonths(2).minusDays(3));
    }

    Screening start(String instrument) {
        UUID visit = app.screening().visitToday(family.id(), child.id(), List.of(mother.id())).id();
        return app.screening().start(visit, mother.id(), mother.id(), instrument, "en", AdministrationMode.CLINICIAN);
    }

    /** A finished PHQ-9 with these points per item (fewer points than items leaves it incomplete). */
    Screening phq9(int... points) {
        Screening s = start("phq9");
        for (int i = 0; i < points.length; i++) {
            app.screening().answer(s.id(), Answer.choice(PHQ9.get(i), POINTS[points[i]]));
        }
        return app.screening().finish(s.id()).screening();
    }

    /**
     * A finished AHC HRSN: every safety item answered with its last option ("Frequently", 5 points: positive, 20),
     * every other item with its first option.
     */
    Screening ahcWithPositiveSafety() {
        Instrument ahc = app.screening().instruments().get("ahc-hrsn");
        Set<String> privateItems = ahc.privateItems();
        Screening s = start("ahc-hrsn");
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
