package care.tandem;

import care.tandem.cli.CommandLineFactory;
import care.tandem.ui.TandemApp;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Entry point of {@code tandem}: runs the command line, which opens the window when no subcommand is
 * given. Not a JavaFX Application subclass, so it starts from a plain class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // How the installed app always starts (menu, icon): nothing to parse, so the window opens at once.
            // picocli's first use registers its type converters by reflection, about 0.13 s before any window.
            System.exit(TandemApp.launch((Path) null));
        }
        System.exit(CommandLineFactory.create(TandemApp::launch, Clock.systemDefaultZone()).execute(args));
    }
}
