package care.tandem.testing;

import care.tandem.ui.common.BackgroundRunner;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs "background" work at once on the calling thread, so view models are tested without a toolkit. */
public final class SyncRunner implements BackgroundRunner {
    @Override
    public <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(work, onSuccess, onFailure);
    }

    @Override
    public <T> void read(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(work, onSuccess, onFailure);
    }

    public static <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
