package care.tandem.testing;

import care.tandem.AppContext;
import care.tandem.domain.family.ContactPreferences;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.MemberKind;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;
import care.tandem.domain.user.PasswordHasher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Opens real data folders for tests with a fast password hash, and builds families to save. */
public final class TestApp {
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "correct horse";

    private TestApp() {
    }

    /** A data folder opened with a cheap password hash (the real one is deliberately slow). */
    public static AppContext open(Path dir, Clock clock) {
        return AppContext.open(dir, clock, new PasswordHasher(1_000));
    }

    /** Opens a new folder, creates the clinic and its administrator, and signs them in. */
    public static AppContext signedIn(Path dir, Clock clock) {
        AppContext app = open(dir, clock);
        app.accounts().setUp("Test Clinic", "Ada Admin", ADMIN, PASSWORD.toCharArray());
        app.accounts().signIn(ADMIN, PASSWORD.toCharArray());
        return app;
    }

    public static Member child(String given, String family, LocalDate born) {
        return new Member(UUID.randomUUID(), MemberKind.CHILD, given, family, born, Sex.FEMALE, "es", false, null,
                "", ContactPreferences.NONE, false, false, "", "");
    }

    public static Member caregiver(String given, String family, Relationship rel, String phone) {
        return new Member(UUID.randomUUID(), MemberKind.CAREGIVER, given, family, LocalDate.of(1995, 6, 1),
                Sex.FEMALE, "es", true, rel, phone, new ContactPreferences(true, false, true), true, false, "", "");
    }

    public static Family family(Member... members) {
        return new Family(UUID.randomUUID(), List.of(members), false, "", "", false, null);
    }
}
