package care.tandem.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HybridClockTest {

    private static final UUID LOCAL = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID REMOTE = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final long T = 1_718_000_000_000L;

    private final MovableClock wall = new MovableClock(T);
    private final HybridClock clock = new HybridClock(wall, LOCAL);

    @Test
    void followsTheWallClockWhenItMovesForward() {
        assertEquals(new Hlc(T, 0, LOCAL), clock.now());
        wall.set(T + 5);
        assertEquals(new Hlc(T + 5, 0, LOCAL), clock.now());
    }

    @Test
    void countsEventsWithinTheSameMillisecond() {
        assertEquals(new Hlc(T, 0, LOCAL), clock.now());
        assertEquals(new Hlc(T, 1, LOCAL), clock.now());
        assertEquals(new Hlc(T, 2, LOCAL), clock.now());
    }

    @Test
    void neverGoesBackwardsWhenTheWallClockIsSetBack() {
        Hlc before = clock.now();
        wall.set(T - 60_000);
        Hlc after = clock.now();
        assertEquals(new Hlc(T, 1, LOCAL), after);
        assertTrue(after.isAfter(before));
        wall.set(T + 1);
        assertEquals(new Hlc(T + 1, 0, LOCAL), clock.now());
    }

    @Test
    void aRemoteTimestampAheadOfUsPullsTheClockForward() {
        clock.now();
        Hlc received = clock.observe(new Hlc(T + 10_000, 7, REMOTE));
        assertEquals(new Hlc(T + 10_000, 8, LOCAL), received);
        assertEquals(new Hlc(T + 10_000, 9, LOCAL), clock.now());
    }

    @Test
    void aRemoteTimestampBehindUsLeavesTheWallClockInCharge() {
        wall.set(T + 500);
        assertEquals(new Hlc(T + 500, 0, LOCAL), clock.observe(new Hlc(T, 3, REMOTE)));
    }

    @Test
    void aRemoteTimestampInOurMillisecondTakesTheLargerCounter() {
        clock.now();
        clock.now();
        assertEquals(new Hlc(T, 6, LOCAL), clock.observe(new Hlc(T, 5, REMOTE)));
        assertEquals(new Hlc(T, 7, LOCAL), clock.observe(new Hlc(T, 2, REMOTE)));
    }

    @Test
    void anObservedTimestampIsAlwaysAfterTheRemoteOne() {
        Hlc remote = new Hlc(T + 1, 0, REMOTE);
        Hlc received = clock.observe(remote);
        assertTrue(received.isAfter(remote));
        assertTrue(clock.now().isAfter(received));
    }

    @Test
    void aFullCounterBorrowsTheNextMillisecond() {
        clock.observe(new Hlc(T, Hlc.MAX_COUNTER - 1, REMOTE));
        assertEquals(new Hlc(T + 1, 0, LOCAL), clock.now());
        assertEquals(new Hlc(T + 1, 1, LOCAL), clock.now());
    }

    @Test
    void concurrentCallersGetDistinctIncreasingTimestamps() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Hlc>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Hlc> mine = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        mine.add(clock.now());
                    }
                    return mine;
                }));
            }
            start.countDown();
            Set<Hlc> all = new HashSet<>();
            for (Future<List<Hlc>> future : futures) {
                List<Hlc> mine = future.get();
                for (int i = 1; i < mine.size(); i++) {
                    assertTrue(mine.get(i).isAfter(mine.get(i - 1)));
                }
                all.addAll(mine);
            }
            assertEquals(threads * perThread, all.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A wall clock the test sets by hand. */
    private static final class MovableClock extends Clock {
        private volatile long millis;

        MovableClock(long millis) {
            this.millis = millis;
        }

        void set(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
