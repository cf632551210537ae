package care.tandem.ui.backup;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.FxWait;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestApp;
import care.tandem.ui.CannotOpenWindow;
import care.tandem.ui.TandemApp;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged database at start: the Cannot open window offers the latest good backup, and restoring it brings the records back. */
@ExtendWith(ApplicationExtension.class)
class DamagedDatabaseOfferViewTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");
    private Stage stage;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage = primary;
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    @Test
    void theLatestGoodBackupIsOfferedAndRestoringItBringsTheRecordsBack(FxRobot robot) throws Exception {
        Path folder = dir.resolve("data");
        try (AppContext app = TestApp.open(folder, clock)) {
            app.demo().addFamilies(25, 6L, n -> { }, () -> false);
            app.backups().backupNow();
        }
        clock.advance(Duration.ofHours(5));
        damage(folder.resolve("tandem.db"));

        TandemApp.Opened opened = TandemApp.Opened.open(() -> TestApp.open(folder, clock));
        ProblemException problem = assertInstanceOf(ProblemException.class, opened.failure());
        assertEquals(Problem.DATABASE_DAMAGED, problem.problem());

        DamagedDatabaseOffer offer = DamagedDatabaseOffer.look(folder, clock).orElseThrow();
        assertTrue(offer.latestGood().isPresent());
        Texts texts = new Texts(Locale.ENGLISH);
        FakeDialogs dialogs = new FakeDialogs();
        List<String> restored = new CopyOnWriteArrayList<>();
        robot.interact(() -> CannotOpenWindow.show(stage, texts, opened.failure(),
                offer.view(texts, dialogs, restored::add), () -> { }));
        String text = robot.lookup("#damagedOfferText").queryLabeled().getText();
        assertTrue(text.startsWith("A checked backup is in the data folder: made Nov 23, 2026"), text);
        robot.interact(() -> Screenshots.save(stage.getScene(), "cannot-open-damaged-offer"));

        robot.clickOn("#damagedOfferRestore");
        FxWait.waitUntil(() -> !restored.isEmpty());
        offer.close();

        assertEquals(List.of("damaged.offer.confirm.message"), dialogs.questions);
        assertTrue(restored.get(0).contains("damaged-20261123-130000Z.db"), restored.get(0));
        try (AppContext app = TestApp.open(folder, clock)) {
            assertEquals(25, app.families().count());
        }
        try (Stream<Path> files = Files.list(folder.resolve("backups"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("damaged-")));
        }
    }

    @Test
    void withNoGoodBackupTheWindowSaysWhatToDo(FxRobot robot) throws Exception {
        Path folder = dir.resolve("data");
        try (AppContext app = TestApp.open(folder, clock)) {
            app.demo().addFamilies(3, 6L, n -> { }, () -> false);
        }
        damage(folder.resolve("tandem.db"));

        DamagedDatabaseOffer offer = DamagedDatabaseOffer.look(folder, clock).orElseThrow();
        Texts texts = new Texts(Locale.ENGLISH);
        robot.interact(() -> CannotOpenWindow.show(stage, texts, new ProblemException(Problem.DATABASE_DAMAGED),
                offer.view(texts, new FakeDialogs(), m -> { }), () -> { }));
        String text = robot.lookup("#damagedOfferNone").queryLabeled().getText();
        assertTrue(text.startsWith("No good backup was found"), text);
        offer.close();
    }

    /** Overwrites the schema page's b-tree (page 1 after the 100-byte file header): no table can be found. */
    private static void damage(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[3000];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            f.seek(100);
            f.write(junk);
        }
    }
}
