package care.tandem.ui.family;

import care.tandem.testing.TestApp;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Relationship;
import care.tandem.service.FamilyService;
import care.tandem.ui.common.BackgroundRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FamilyScreenViewModelTest {
    @TempDir
    Path dir;
    FamilyFixture fx;
    FakeDialogs dialogs = new FakeDialogs();

    @BeforeEach
    void open() {
        fx = new FamilyFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private FamilyScreenViewModel model(BackgroundRunner runner) {
        return new FamilyScreenViewModel(fx.app.families(), runner, dialogs, fx.format);
    }

    @Test
    void an_empty_folder_says_how_to_add_the_first_family() {
        FamilyScreenViewModel model = model(new SyncRunner());
        model.search().search();
        assertTrue(model.search().results().isEmpty());
        assertEquals("No families yet. Press Ctrl+N to add the first one.",
                model.search().emptyMessageProperty().get());
    }

    @Test
    void typing_a_name_lists_the_families_that_match() {
        fx.saved(TestApp.child("Sofía", "García López", LocalDate.now().minusMonths(4)),
                FamilyFixture.caregiver("María José", "García López", Relationship.MOTHER));
        fx.saved(TestApp.child("Liam", "Nguyen", LocalDate.now().minusYears(2)),
                FamilyFixture.caregiver("Anh", "Nguyen", Relationship.FATHER));
        FamilyScreenViewModel model = model(new SyncRunner());

        model.search().queryProperty().set("maria lopez");
        model.search().search();

        assertEquals(1, model.search().results().size());
        assertEquals("García López", model.search().results().get(0).children().get(0).familyName());
        assertEquals("", model.search().emptyMessageProperty().get());
        assertEquals("", model.search().limitMessageProperty().get());
    }

    @Test
    void a_search_that_finds_nothing_suggests_another_way_to_search() {
        fx.saved(TestApp.child("Liam", "Nguyen", LocalDate.now().minusYears(2)),
                FamilyFixture.caregiver("Anh", "Nguyen", Relationship.FATHER));
        FamilyScreenViewModel model = model(new SyncRunner());
        model.search().queryProperty().set("zzz");
        model.search().search();
        assertEquals("No family matches “zzz”. Check the spelling or try a date of birth or phone number.",
                model.search().emptyMessageProperty().get());
    }

    @Test
    void an_answer_to_an_older_query_is_ignored_when_a_newer_one_was_asked() {
        fx.saved(TestApp.child("Sofía", "García", LocalDate.now().minusMonths(4)),
                FamilyFixture.caregiver("María", "García", Relationship.MOTHER));
        fx.saved(TestApp.child("Liam", "Nguyen", LocalDate.now().minusYears(2)),
                FamilyFixture.caregiver("Anh", "Nguyen", Relationship.FATHER));
        DeferredRunner runner = new DeferredRunner();
        FamilyScreenViewModel model = model(runner);

        model.search().queryProperty().set("garcia");
        model.search().search();
        model.search().queryProperty().set("nguyen");
        model.search().search();
        runner.completeRead(1);
        runner.completeRead(0);

        assertEquals(1, model.search().results().size());
        assertEquals("Nguyen", model.search().results().get(0).children().get(0).familyName());
    }

    @Test
    void enter_before_the_results_came_opens_the_first_match_of_what_was_typed() {
        fx.saved(TestApp.child("Sofía", "García", LocalDate.now().minusMonths(4)),
                FamilyFixture.caregiver("María", "García", Relationship.MOTHER));
        Family nguyen = fx.saved(TestApp.child("Liam", "Nguyen", LocalDate.now().minusYears(2)),
                FamilyFixture.caregiver("Anh", "Nguyen", Relationship.FATHER));
        FamilyScreenViewModel model = model(new SyncRunner());
        model.search().queryProperty().set("garcia");
        model.search().search();
        Family garcia = model.search().results().get(0);

        model.search().queryProperty().set("nguyen");
        model.openBestMatch(garcia);

        assertEquals(nguyen.id(), model.opened().id());
    }

    @Test
    void fifty_results_say_the_list_is_cut_short() {
        for (int i = 0; i < FamilyService.SEARCH_LIMIT + 1; i++) {
            fx.saved(TestApp.child("Ana" + (char) ('a' + i % 26), "Pérez", LocalDate.now().minusMonths(3)),
                    FamilyFixture.caregiver("Rosa", "Pérez", Relationship.MOTHER));
        }
        FamilyScreenViewModel model = model(new SyncRunner());
        model.search().queryProperty().set("perez");
        model.search().search();
        assertEquals(FamilyService.SEARCH_LIMIT, model.search().results().size());
        assertEquals("Showing the first 50 — type more to narrow", model.search().limitMessageProperty().get());
    }

    @Test
    void opening_a_family_shows_it_as_stored() {
        Family saved = fx.saved(TestApp.child("Sofía", "García", LocalDate.now().minusMonths(4)),
                FamilyFixture.caregiver("María", "García", Relationship.MOTHER));
        FamilyScreenViewModel model = model(new SyncRunner());
        assertNull(model.opened());
        model.open(saved.id());
        assertEquals(saved.id(), model.opened().id());
        assertEquals("María", model.opened().caregivers().get(0).givenName());
    }
}
