package care.tandem.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Tandem's log file, {@code <data folder>/logs/tandem.log}. It records that something failed, where
 * (exception class and stack frames) and on which thread, but never an exception's message or any value:
 * messages can hold patient data.
 */
public final class ErrorLog {
    /** The logger every Tandem class logs under; the file handler hangs here. */
    public static final String ROOT = "care.tandem";
    private static final System.Logger LOG = System.getLogger(ROOT + ".ui");
    // Held here: java.util.logging keeps loggers weakly, and a collected logger would forget its handler.
    private static final Logger TANDEM = Logger.getLogger(ROOT);
    private static volatile Path file;

    static {
        // Until the data folder is open (and beside the file after), records go to the console the same safe way.
        java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
        console.setFormatter(new SafeFormatter());
        TANDEM.addHandler(console);
        TANDEM.setUseParentHandlers(false);
    }
    private static FileHandler handler;

    private ErrorLog() {
    }

    /**
     * Sends Tandem's log records to {@code <dataDir>/logs/tandem.log} (started afresh past 2 MB), and to
     * nowhere else: the console handler would print exception messages.
     */
    public static synchronized void writeTo(Path dataDir) {
        Path logs = dataDir.resolve("logs");
        try {
            Files.createDirectories(logs);
            Path target = logs.resolve("tandem.log");
            FileHandler h = new FileHandler(target.toString().replace("%", "%%"), 2_000_000, 1, true);
            h.setFormatter(new SafeFormatter());
            h.setEncoding("UTF-8");
            if (handler != null) {
                TANDEM.removeHandler(handler);
                handler.close();
            }
            TANDEM.addHandler(h);
            handler = h;
            file = target;
        } catch (IOException | SecurityException e) {
            // No log file (read-only folder): Tandem still runs; the error dialog just names no file.
            file = null;
        }
    }

    /** Stops writing the log file (Tandem is closing). */
    public static synchronized void close() {
        if (handler != null) {
            TANDEM.removeHandler(handler);
            handler.close();
            handler = null;
        }
    }

    /** The log file, if one is open. */
    public static Path file() {
        return file;
    }

    /** Logs an unexpected failure: the thread's name, the exception's class and frames, nothing else. */
    public static void unexpected(String threadName, Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "Unexpected " + failure.getClass().getName() + " on thread "
                + threadName, failure);
    }

    /** Writes records without exception messages: class names and frames only, causes included. */
    static final class SafeFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder();
            b.append(Instant.ofEpochMilli(r.getMillis())).append(' ').append(level(r.getLevel())).append(' ')
                    .append(r.getLoggerName()).append(": ").append(r.getMessage()).append(System.lineSeparator());
            Throwable t = r.getThrown();
            String prefix = "";
            int depth = 0;
            while (t != null && depth++ < 10) {
                b.append(prefix).append(t.getClass().getName()).append(System.lineSeparator());
                for (StackTraceElement frame : t.getStackTrace()) {
                    b.append("    at ").append(frame).append(System.lineSeparator());
                }
                prefix = "Caused by: ";
                t = t.getCause() == t ? null : t.getCause();
            }
            return b.toString();
        }

        private static String level(Level level) {
            return level == null ? "" : level.getName();
        }
    }
}
