package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.files.ClinicKey;
import care.tandem.i18n.Texts;
import care.tandem.service.ClinicService;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The clinic's sync passphrase on the command line ({@code @Mixin}): from {@code --passphrase-file FILE} (its first
 * line), else the {@code TANDEM_PASSPHRASE} environment variable, else, on a demo folder, the documented demo
 * passphrase. Never from an option's value, which would show in the process list and the shell history.
 */
public final class PassphraseOptions {
    /** The environment variable read when no file is given. */
    public static final String ENV = "TANDEM_PASSPHRASE";

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "File whose first line is the clinic's sync passphrase (else $" + ENV
                    + "; on a demo folder the demo passphrase).")
    Path file;

    /** The environment (replaced in tests). */
    UnaryOperator<String> env = System::getenv;

    /**
     * The passphrase given by file or environment, or, when none is and {@code demoFolder}, the demo passphrase.
     *
     * @throws ParameterException (exit 2) when the file cannot be read or is empty, or no passphrase is given
     */
    public char[] passphrase(CommandSpec spec, boolean demoFolder) {
        Optional<char[]> given = given(spec);
        if (given.isPresent()) {
            return given.get();
        }
        if (demoFolder) {
            return ClinicKey.DEMO_PASSPHRASE.toCharArray();
        }
        throw new ParameterException(spec.commandLine(), texts().get("cli.passphrase.missing", ENV));
    }

    /**
     * The clinic key of the folder {@code app} has open, checked against the clinic's fingerprint; when the clinic
     * had no passphrase yet, this one becomes its own and a line says so.
     */
    public ClinicKey unlock(AppContext app, CommandSpec spec) {
        char[] p = passphrase(spec, app.clinic().info().demo());
        try {
            ClinicService.Unlocked u = app.clinic().unlock(p);
            if (u.newlySet()) {
                spec.commandLine().getOut().println(texts().get("cli.passphrase.set"));
            }
            return u.key();
        } finally {
            java.util.Arrays.fill(p, '\0');
        }
    }

    private Optional<char[]> given(CommandSpec spec) {
        if (file != null) {
            String first;
            try {
                first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException | RuntimeException e) {
                throw new ParameterException(spec.commandLine(), texts().get("cli.passphrase.unreadable", file));
            }
            if (first.isBlank()) {
                throw new ParameterException(spec.commandLine(), texts().get("cli.passphrase.empty", file));
            }
            return Optional.of(first.strip().toCharArray());
        }
        String fromEnv = env.apply(ENV);
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv.strip().toCharArray());
    }

    private static Texts texts() {
        return new Texts(Locale.getDefault());
    }
}
