package care.tandem;

import care.tandem.cli.CommandLineFactory;
import care.tandem.ui.TandemApp;

import java.time.Clock;

/**
 * Entry point of {@code tandem}: runs the command line, which opens the window when no subcommand is
 * given. Not a JavaFX Application subclass, so it starts from a plain class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CommandLineFactory.create(TandemApp::launch, Clock.systemDefaultZone()).execute(args));
    }
}
