package care.tandem.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The production {@link BackgroundRunner}: writes queue on one daemon "db-worker" thread (so they are
 * serialised), reads on one daemon "db-reader" thread (so a search never waits behind a save), and each
 * outcome is handed back on the FX thread.
 */
public final class FxBackgroundRunner implements BackgroundRunner, AutoCloseable {
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "db-worker"));
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> daemon(r, "db-reader"));
    private final Consumer<Runnable> fxThread;

    public FxBackgroundRunner() {
        this(Platform::runLater);
    }

    /** @param fxThread how outcomes reach the FX thread (tests may run them in place) */
    public FxBackgroundRunner(Consumer<Runnable> fxThread) {
        this.fxThread = fxThread;
    }

    @Override
    public <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        submit(writer, work, onSuccess, onFailure);
    }

    @Override
    public <T> void read(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        submit(reader, work, onSuccess, onFailure);
    }

    private <T> void submit(ExecutorService executor, Callable<T> work, Consumer<T> onSuccess,
                            Consumer<Throwable> onFailure) {
        try {
            executor.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Throwable failure) {
                    fxThread.accept(() -> onFailure.accept(failure));
                    return;
                }
                fxThread.accept(() -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException closing) {
            // Tandem is closing: work asked for now would outlive the database, so it is not run; the caller
            // still hears of it, or its busy or saving flag would stay set.
            try {
                fxThread.accept(() -> onFailure.accept(closing));
            } catch (RuntimeException toolkitGone) {
                // The window toolkit is closed too: there is no one left to tell.
            }
        }
    }

    /** Lets queued work finish (a save in flight is never cut short), then stops both threads. */
    @Override
    public void close() {
        writer.shutdown();
        reader.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
            reader.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
