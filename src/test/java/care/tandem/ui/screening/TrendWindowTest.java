package care.tandem.ui.screening;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Screening;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestApp;
import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.common.Windows;
import javafx.application.Application;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Results over time" window, headless: a caregiver's PHQ-9 results on a chart with its thresholds. */
@ExtendWith(ApplicationExtension.class)
class TrendWindowTest {
    private static final List<String> PHQ9 = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2",
            "44252-5", "44253-3", "44260-8");
    private static final String[] POINTS = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final MutableClock clock = MutableClock.at("2026-01-05T15:00:00Z");
    private AppContext app;
    private FxBackgroundRunner runner;
    private UiContext ui;
    private Family family;
    private Member child;
    private Member mother;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = TestApp.signedIn(dir, clock);
        child = TestApp.child("Lucía", "Pérez", LocalDate.of(2025, 11, 20));
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        family = app.families().save(TestApp.family(child, mother));
        runner = new FxBackgroundRunner();
        Texts texts = new Texts(Locale.ENGLISH);
        Windows windows = new Windows(texts.bundle(), false, w -> new StackPane());
        ui = new UiContext(app, runner, dialogs, texts, new ControllerRegistry(), windows, false);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        runner.close();
        app.close();
    }

    /** A PHQ-9 given today with these points per item, finished (fewer than nine answers leave it incomplete). */
    private Screening phq9(AdministrationMode mode, int... points) {
        var visit = app.screening().visitToday(family.id(), child.id(), List.of(mother.id()));
        Screening s = app.screening().start(visit.id(), mother.id(), mother.id(), "phq9", "en", mode);
        for (int i = 0; i < points.length; i++) {
            app.screening().answer(s.id(), Answer.choice(PHQ9.get(i), POINTS[points[i]]));
        }
        return app.screening().finish(s.id()).screening();
    }

    private Stage open(FxRobot robot, String instrument) {
        Stage[] stage = new Stage[1];
        robot.interact(() -> stage[0] = TrendWindow.open(ui, null, mother.id(), instrument));
        // The history loads on the read thread; the table fills when it is back.
        waitUntilLoaded(robot);
        return stage[0];
    }

    private static void waitUntilLoaded(FxRobot robot) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                var table = robot.lookup("#trendTable").tryQueryAs(TableView.class);
                var empty = robot.lookup("#trendEmpty").tryQuery();
                return table.map(t -> !t.getItems().isEmpty()).orElse(false)
                        || empty.map(javafx.scene.Node::isVisible).orElse(false);
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the results did not load", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void threePhq9ResultsAreThreePointsUnderThresholdLinesAtTheBandBounds(FxRobot robot) {
        phq9(AdministrationMode.CLINICIAN, 2, 2, 2, 2, 1, 1, 2, 0, 0);
        clock.advance(Duration.ofDays(28));
        phq9(AdministrationMode.SELF, 1, 1, 1, 1, 1, 1, 1, 0, 0);
        clock.advance(Duration.ofDays(35));
        phq9(AdministrationMode.INTERPRETER, 1, 0, 1, 0, 1, 0, 0, 0, 0);
        clock.advance(Duration.ofDays(14));
        phq9(AdministrationMode.CLINICIAN, 3, 3, 3, 3);

        Stage stage = open(robot, "phq9");

        TrendChart chart = robot.lookup("#trendChart").queryAs(TrendChart.class);
        assertTrue(chart.isVisible());
        assertEquals(1, chart.getData().size());
        XYChart.Series<Number, Number> series = chart.getData().get(0);
        assertEquals(List.of(12, 7, 3), series.getData().stream().map(d -> d.getYValue().intValue()).toList());
        assertEquals(List.of(LocalDate.of(2026, 1, 5).toEpochDay(), LocalDate.of(2026, 2, 2).toEpochDay(),
                        LocalDate.of(2026, 3, 9).toEpochDay()),
                series.getData().stream().map(d -> d.getXValue().longValue()).toList());
        assertEquals(List.of(5, 10, 15, 20), chart.markers().stream().map(TrendChart.Marker::value).toList());
        assertEquals("Moderate from 10 — positive", chart.markers().get(1).label().getText());
        chart.markers().forEach(m -> assertTrue(m.line().getEndX() > m.line().getStartX(), "line drawn across"));
        assertTrue(chart.markers().get(0).line().getStartY() > chart.markers().get(3).line().getStartY(),
                "a higher threshold is drawn higher");

        @SuppressWarnings("unchecked")
        TableView<TrendViewModel.Row> table = robot.lookup("#trendTable").queryAs(TableView.class);
        assertEquals(4, table.getItems().size());
        assertEquals(List.of("12", "7", "3", "Incomplete"), table.getItems().stream().map(TrendViewModel.Row::total).toList());
        assertEquals(List.of("Positive", "Negative", "Negative", "Positive"),
                table.getItems().stream().map(TrendViewModel.Row::outcome).toList());
        assertEquals("Tandem — Results over time", stage.getTitle());
        assertFalse(stage.getTitle().contains("Ana"));
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
        robot.interact(() -> Screenshots.save(stage.getScene(), "trend-phq9"));
    }

    @Test
    void aCaregiverWithoutResultsSeesWhatIsMissingInsteadOfAnEmptyChart(FxRobot robot) {
        Stage stage = open(robot, "gad7");

        assertEquals("No finished GAD-7 results yet.", robot.lookup("#trendEmpty").queryLabeled().getText());
        assertFalse(robot.lookup("#trendChart").query().isVisible());
        assertFalse(robot.lookup("#trendTable").query().isVisible());
        robot.interact(() -> Screenshots.save(stage.getScene(), "trend-empty"));
    }
}
