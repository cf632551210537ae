package care.tandem.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The yardstick for cold start: the smallest JavaFX window, started the same way as Tandem (plain
 * class path, same JVM options). Writes the time its window is shown to the file named by
 * {@code tandem.bench.firstWindowFile}, then exits.
 */
public final class MinimalWindow extends Application {

    public static void main(String[] args) {
        Application.launch(MinimalWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Tandem bench — minimal window");
        stage.setScene(new Scene(new Label("Minimal JavaFX window"), 400, 200));
        stage.setOnShown(e -> {
            try {
                Path out = Path.of(System.getProperty("tandem.bench.firstWindowFile"));
                Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
                Files.writeString(tmp, Long.toString(System.currentTimeMillis()));
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            Platform.exit();
        });
        stage.show();
    }
}
