package care.tandem.ui.sync;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.files.ClinicKey;
import care.tandem.service.SyncService;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestApp;
import care.tandem.testing.TestUi;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sync window and the conflicts screen, headless, in English and Spanish: a sync from the window, then a conflict
 * (two laptops changed a mother's phone at the same time) resolved with a typed value that reaches the other laptop.
 */
@ExtendWith(ApplicationExtension.class)
class SyncWindowViewTest {
    private static final String PASSPHRASE = "clinic sync passphrase";

    @TempDir
    Path root;
    private final MutableClock clock = MutableClock.at("2026-11-23T18:00:00Z");
    private AppContext a;
    private AppContext b;
    private ClinicKey key;
    private Path usb;
    private Family family;
    private TestUi testUi;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @BeforeEach
    void twoLaptopsWithAConflict() throws Exception {
        usb = Files.createDirectories(root.resolve("usb"));
        a = TestApp.signedIn(root.resolve("a"), clock);
        key = a.clinic().unlock(PASSPHRASE.toCharArray()).key();
        Member child = TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20));
        Member mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        family = a.families().save(TestApp.family(child, mother));
        a.sync().syncNow(usb, key, SyncService.Progress.NONE);
        try (AppContext joining = TestApp.open(root.resolve("b"), clock)) {
            joining.sync().join(usb, id -> key, SyncService.Progress.NONE);
        }
        b = TestApp.open(root.resolve("b"), clock);
        b.accounts().signIn(TestApp.ADMIN, TestApp.PASSWORD.toCharArray());
        phone(a, "5105550111");
        clock.advance(Duration.ofMinutes(3));
        phone(b, "5105550122");
        b.sync().syncNow(usb, key, SyncService.Progress.NONE);
    }

    private void phone(AppContext app, String phone) {
        Family f = app.families().open(family.id());
        app.families().save(f.withMembers(f.members().stream().map(m -> m.kind().name().equals("CAREGIVER")
                ? new Member(m.id(), m.kind(), m.givenName(), m.familyName(), m.birthDate(), m.sex(),
                m.preferredLanguage(), m.interpreterNeeded(), m.relationship(), phone, m.contact(), m.mayConsent(),
                m.restricted(), m.mediCalId(), m.notes()) : m).toList()));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (testUi != null) {
            testUi.close();
        }
        b.close();
        a.close();
    }

    @Test
    void syncFromTheWindowThenResolveTheConflictWithATypedValue(FxRobot robot) throws Exception {
        testUi = TestUi.of(a, Locale.ENGLISH);
        SyncWindow[] w = new SyncWindow[1];
        robot.interact(() -> w[0] = SyncWindow.show(testUi.ui(), null));
        Parent root = w[0].stage().getScene().getRoot();
        assertEquals(usb.toAbsolutePath().normalize().toString(), ((TextField) root.lookup("#syncFolder")).getText(),
                "the folder is remembered");
        assertTrue(root.lookup("#syncNow").isDisabled(), "no passphrase yet");
        robot.interact(() -> ((PasswordField) root.lookup("#syncPassphrase")).setText(PASSPHRASE));
        robot.interact(() -> ((Button) root.lookup("#syncNow")).fire());
        waitUntil(() -> ((Label) root.lookup("#syncResult")).getText().startsWith("Synced."));
        assertEquals("Conflicts to resolve: 1", ((Label) root.lookup("#syncConflicts")).getText());
        robot.interact(() -> Screenshots.save(w[0].stage().getScene(), "sync-window"));

        robot.interact(() -> ((Button) root.lookup("#syncOpenConflicts")).fire());
        waitUntil(() -> ConflictsWindowHolder.find() != null);
        Stage conflicts = ConflictsWindowHolder.find();
        Parent c = conflicts.getScene().getRoot();
        ListView<?> list = (ListView<?>) c.lookup("#conflictsList");
        waitUntil(() -> list.getItems().size() == 1 && c.lookup("#conflictTitle").isVisible());
        assertEquals("Family member · phone — Ana Pérez", ((Label) c.lookup("#conflictTitle")).getText());
        assertEquals("Kept: 5105550122", ((Label) c.lookup("#conflictKept")).getText());
        assertEquals("Other: 5105550111", ((Label) c.lookup("#conflictOther")).getText());
        assertTrue(((Label) c.lookup("#conflictKeptBy")).getText().startsWith("written by Ada Admin"));
        robot.interact(() -> Screenshots.save(conflicts.getScene(), "sync-conflicts"));

        robot.interact(() -> ((RadioButton) c.lookup("#conflictType")).setSelected(true));
        robot.interact(() -> ((TextField) c.lookup("#conflictTyped")).setText("5105550133"));
        robot.interact(() -> ((Button) c.lookup("#conflictResolve")).fire());
        waitUntil(list.getItems()::isEmpty);
        assertEquals("5105550133", mothersPhone(a));

        // The resolution is a change like any other: B takes it at its next sync; the history keeps the conflict.
        a.sync().syncNow(usb, key, SyncService.Progress.NONE);
        b.sync().syncNow(usb, key, SyncService.Progress.NONE);
        assertEquals("5105550133", mothersPhone(b));
        assertEquals(0, b.sync().openConflictCount());
        robot.interact(() -> ((javafx.scene.control.CheckBox) c.lookup("#conflictsShowResolved")).setSelected(true));
        waitUntil(() -> list.getItems().size() == 1 && c.lookup("#conflictResolved").isVisible());
        assertTrue(((Label) c.lookup("#conflictResolved")).getText().startsWith("Resolved by Ada Admin"));
        assertTrue(((Label) c.lookup("#conflictResolved")).getText().endsWith(": 5105550133"));
        robot.interact(() -> Screenshots.save(conflicts.getScene(), "sync-conflicts-resolved"));
    }

    @Test
    void theWindowsReadInSpanish(FxRobot robot) throws Exception {
        testUi = TestUi.of(a, new Locale("es"));
        SyncWindow[] w = new SyncWindow[1];
        robot.interact(() -> w[0] = SyncWindow.show(testUi.ui(), null));
        Parent root = w[0].stage().getScene().getRoot();
        robot.interact(() -> ((PasswordField) root.lookup("#syncPassphrase")).setText(PASSPHRASE));
        robot.interact(() -> ((Button) root.lookup("#syncNow")).fire());
        waitUntil(() -> ((Label) root.lookup("#syncResult")).getText().startsWith("Sincronizado."));
        assertEquals("Tandem — Sincronizar con los portátiles de la clínica", w[0].stage().getTitle());
        robot.interact(() -> Screenshots.save(w[0].stage().getScene(), "sync-window-es"));
        robot.interact(() -> ((Button) root.lookup("#syncOpenConflicts")).fire());
        waitUntil(() -> ConflictsWindowHolder.find() != null);
        Stage conflicts = ConflictsWindowHolder.find();
        Parent c = conflicts.getScene().getRoot();
        waitUntil(() -> c.lookup("#conflictTitle").isVisible());
        assertEquals("Miembro de la familia · teléfono — Ana Pérez", ((Label) c.lookup("#conflictTitle")).getText());
        robot.interact(() -> Screenshots.save(conflicts.getScene(), "sync-conflicts-es"));
    }

    private String mothersPhone(AppContext app) {
        return app.families().open(family.id()).members().stream().filter(m -> m.kind().name().equals("CAREGIVER"))
                .findFirst().orElseThrow().phone();
    }

    /** Finds the open conflicts window by its title. */
    private static final class ConflictsWindowHolder {
        static Stage find() {
            return javafx.stage.Window.getWindows().stream()
                    .filter(x -> x.isShowing() && x instanceof Stage s && s.getTitle() != null
                            && (s.getTitle().endsWith("Sync conflicts")
                            || s.getTitle().endsWith("Conflictos de sincronización")))
                    .map(x -> (Stage) x).findFirst().orElse(null);
        }
    }
}
