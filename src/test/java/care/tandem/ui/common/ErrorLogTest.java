package care.tandem.ui.common;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorLogTest {
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        ErrorLog.close();
    }

    @Test
    void theLogHoldsClassAndFramesButNoMessage() throws Exception {
        ErrorLog.writeTo(dir);
        RuntimeException failure = new IllegalStateException("family of Ana Lopez, born 2024-03-01",
                new IllegalArgumentException("phone 555-123-4567"));

        ErrorLog.unexpected("db-worker", failure);
        ErrorLog.close();

        Path log = dir.resolve("logs").resolve("tandem.log");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("java.lang.IllegalStateException"), text);
        assertTrue(text.contains("Caused by: java.lang.IllegalArgumentException"), text);
        assertTrue(text.contains("at care.tandem.ui.common.ErrorLogTest"), text);
        assertTrue(text.contains("db-worker"), text);
        assertFalse(text.contains("Ana"), text);
        assertFalse(text.contains("555"), text);
        assertFalse(text.contains("2024-03-01"), text);
    }

    @Test
    void theUnexpectedErrorTextSaysWhatToDoAndWhereTheNoteIs() {
        Texts texts = new Texts(Locale.ENGLISH);
        Path log = dir.resolve("logs").resolve("tandem.log");

        String message = UncaughtErrors.message(texts, log);

        assertTrue(message.contains("save again: saving twice is safe"), message);
        assertTrue(message.contains("close Tandem and start it again"), message);
        assertTrue(message.contains(log.toString()), message);
    }

    @Test
    void aProblemShowsItsOwnTextAndAnythingElseAGeneralOne() {
        Texts texts = new Texts(Locale.ENGLISH);

        assertEquals("Check what you entered: Use at least 8 characters.",
                ProblemTexts.describe(new ProblemException(Problem.BAD_ARGUMENT, "password.tooShort"), texts));
        assertEquals(texts.get("error.generic"),
                ProblemTexts.describe(new IllegalStateException("Ana Lopez"), texts));
    }
}
