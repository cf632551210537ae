package care.tandem.ui.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FxBackgroundRunnerTest {

    @Test
    void writesRunOnDbWorkerAndReadsOnDbReaderAndOutcomesAreHandedBack() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        try (FxBackgroundRunner runner = new FxBackgroundRunner(Runnable::run)) {
            runner.write(() -> {
                threads.add(Thread.currentThread().getName());
                return "saved";
            }, r -> {
                outcomes.add(r);
                done.countDown();
            }, e -> done.countDown());
            runner.read(() -> {
                threads.add(Thread.currentThread().getName());
                return 42;
            }, r -> {
                outcomes.add(r);
                done.countDown();
            }, e -> done.countDown());
            runner.write(() -> {
                throw new IllegalStateException("boom");
            }, r -> done.countDown(), e -> {
                outcomes.add(e.getClass().getSimpleName());
                done.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertTrue(threads.contains("db-worker"), threads.toString());
        assertTrue(threads.contains("db-reader"), threads.toString());
        assertTrue(outcomes.containsAll(List.of("saved", 42, "IllegalStateException")), outcomes.toString());
    }

    @Test
    void workAskedForAfterClosingIsNotRunButReportedAsAFailureOnTheFxThread() {
        List<Runnable> handedToFxThread = new CopyOnWriteArrayList<>();
        FxBackgroundRunner runner = new FxBackgroundRunner(handedToFxThread::add);
        runner.close();
        List<Object> ran = new CopyOnWriteArrayList<>();
        List<Object> succeeded = new CopyOnWriteArrayList<>();
        List<Throwable> failed = new CopyOnWriteArrayList<>();

        runner.write(() -> ran.add("write"), succeeded::add, failed::add);
        runner.read(() -> ran.add("read"), succeeded::add, failed::add);
        assertEquals(List.of(), failed, "the failure waits for the FX thread");
        handedToFxThread.forEach(Runnable::run);

        assertEquals(List.of(), ran);
        assertEquals(List.of(), succeeded);
        assertEquals(2, failed.size());
        assertTrue(failed.stream().allMatch(f -> f instanceof RejectedExecutionException), failed.toString());
    }
}
