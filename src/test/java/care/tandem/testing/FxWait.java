package care.tandem.testing;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Waiting in view tests without sleeping: until a condition holds (at most 20 s), then for the FX queue. */
public final class FxWait {
    private FxWait() {
    }

    /** Waits until {@code condition} is true, failing after 20 seconds, then lets pending FX events run. */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
