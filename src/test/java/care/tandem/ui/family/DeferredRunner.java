package care.tandem.ui.family;

import care.tandem.testing.SyncRunner;
import care.tandem.ui.common.BackgroundRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds reads until the test completes them, in any order, to show what happens to late answers. Writes run
 * at once, unless made with {@link #holdingWrites()}, which holds them too.
 */
final class DeferredRunner implements BackgroundRunner {
    private final List<Runnable> pendingReads = new ArrayList<>();
    private final List<Runnable> pendingWrites = new ArrayList<>();
    private final boolean holdWrites;

    DeferredRunner() {
        this(false);
    }

    private DeferredRunner(boolean holdWrites) {
        this.holdWrites = holdWrites;
    }

    /** A runner that holds writes as well as reads. */
    static DeferredRunner holdingWrites() {
        return new DeferredRunner(true);
    }

    @Override
    public <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (holdWrites) {
            pendingWrites.add(() -> SyncRunner.run(work, onSuccess, onFailure));
        } else {
            SyncRunner.run(work, onSuccess, onFailure);
        }
    }

    @Override
    public <T> void read(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pendingReads.add(() -> SyncRunner.run(work, onSuccess, onFailure));
    }

    int pending() {
        return pendingReads.size();
    }

    int pendingWrites() {
        return pendingWrites.size();
    }

    /** Completes the read asked for {@code index}-th among those still pending. */
    void completeRead(int index) {
        pendingReads.remove(index).run();
    }

    /** Completes the write asked for {@code index}-th among those still pending. */
    void completeWrite(int index) {
        pendingWrites.remove(index).run();
    }
}
