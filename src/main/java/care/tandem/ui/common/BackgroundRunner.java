package care.tandem.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs service calls off the FX thread and hands the outcome back on it. Writes run one at a time on
 * the db-worker thread; reads (search as you type) on their own thread so they never queue behind a
 * save. View models use it so they can be tested with a synchronous runner and no toolkit.
 */
public interface BackgroundRunner {

    /** Runs a write (save, merge, sign-in) on the single db-worker thread. */
    <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a read (search, open) on the read thread. */
    <T> void read(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
