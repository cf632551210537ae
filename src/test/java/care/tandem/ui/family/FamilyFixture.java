package care.tandem.ui.family;

import care.tandem.AppContext;
import care.tandem.domain.family.ContactPreferences;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.MemberKind;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;
import care.tandem.domain.user.PasswordHasher;
import care.tandem.i18n.Texts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A real data folder with a signed-in user, and households to put in it. */
final class FamilyFixture implements AutoCloseable {
    final AppContext app;
    final Texts texts = new Texts(Locale.ENGLISH);
    final FamilyFormat format;

    FamilyFixture(Path dir) {
        app = AppContext.open(dir, Clock.systemDefaultZone(), new PasswordHasher(1000));
        app.accounts().setUp("Clinic", "Admin", "admin", "password1".toCharArray());
        app.accounts().signIn("admin", "password1".toCharArray());
        format = new FamilyFormat(texts, app.clock());
    }

    static LocalDate today() {
        return LocalDate.now();
    }

    static Member child(String given, String family, LocalDate born) {
        return new Member(UUID.randomUUID(), MemberKind.CHILD, given, family, born, Sex.FEMALE, "es", false, null,
                "", ContactPreferences.NONE, false, false, "", "");
    }

    static Member caregiver(String given, String family, Relationship rel) {
        return new Member(UUID.randomUUID(), MemberKind.CAREGIVER, given, family, LocalDate.of(1994, 5, 2),
                Sex.FEMALE, "es", true, rel, "(555) 123-4567", new ContactPreferences(true, false, false), true,
                false, "", "");
    }

    /** A new household, not saved yet. */
    static Family family(Member... members) {
        return new Family(UUID.randomUUID(), List.of(members), false, "", "", false, null);
    }

    /** Saves a household through the service. */
    Family saved(Member... members) {
        return app.families().save(family(members));
    }

    @Override
    public void close() {
        app.close();
    }
}
