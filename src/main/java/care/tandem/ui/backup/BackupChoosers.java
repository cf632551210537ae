package care.tandem.ui.backup;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Where the Backups tab asks for a folder or a file; the operating system's choosers, or a test's answers. */
public interface BackupChoosers {

    /** A folder to write an encrypted backup into. */
    Optional<Path> folder(Window owner, String title);

    /** A backup file to restore, starting in {@code start}. */
    Optional<Path> file(Window owner, String title, Path start);

    /** The operating system's choosers. */
    static BackupChoosers system() {
        return new BackupChoosers() {
            @Override
            public Optional<Path> folder(Window owner, String title) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> file(Window owner, String title, Path start) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                if (start != null && start.toFile().isDirectory()) {
                    chooser.setInitialDirectory(start.toFile());
                }
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Tandem", "*.tandem-backup", "*.db"),
                        new FileChooser.ExtensionFilter("*", "*"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }
        };
    }
}
