package care.tandem.ui.family;

import care.tandem.testing.SyncRunner;
import care.tandem.ui.common.BackgroundRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds reads until the test completes them, in any order, to show what happens to late answers. Writes run at once. */
final class DeferredRunner implements BackgroundRunner {
    private final List<Runnable> pendingReads = new ArrayList<>();

    @Override
    public <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        SyncRunner.run(work, onSuccess, onFailure);
    }

    @Override
    public <T> void read(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pendingReads.add(() -> SyncRunner.run(work, onSuccess, onFailure));
    }

    int pending() {
        return pendingReads.size();
    }

    /** Completes the read asked for {@code index}-th among those still pending. */
    void completeRead(int index) {
        pendingReads.remove(index).run();
    }
}
