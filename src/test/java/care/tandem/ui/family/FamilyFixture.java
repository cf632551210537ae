package care.tandem.ui.family;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.i18n.Texts;
import care.tandem.testing.TestApp;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/** A real data folder with a signed-in user, and households to put in it. */
final class FamilyFixture implements AutoCloseable {
    final AppContext app;
    final Texts texts = new Texts(Locale.ENGLISH);
    final FamilyFormat format;

    FamilyFixture(Path dir) {
        app = TestApp.signedIn(dir, Clock.systemDefaultZone());
        format = new FamilyFormat(texts, app.clock());
    }

    static LocalDate today() {
        return LocalDate.now();
    }

    /** A caregiver with a phone and safe-contact preferences ({@link TestApp#caregiver} with a phone). */
    static Member caregiver(String given, String family, Relationship rel) {
        return TestApp.caregiver(given, family, rel, "(555) 123-4567");
    }

    /** Saves a household through the service. */
    Family saved(Member... members) {
        return app.families().save(TestApp.family(members));
    }

    @Override
    public void close() {
        app.close();
    }
}
