package care.tandem.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the scheduled backup while the window is open: a first look soon after start, then every hour; each look
 * makes a backup only when one is due ({@link BackupService#backupIfDue()}: the newest is a day old). It runs on a
 * background thread of its own, never the FX thread; the copy reads a consistent snapshot beside the writes.
 */
public final class BackupTimer implements AutoCloseable {
    /** How often the timer looks whether a backup is due. */
    public static final Duration LOOK_EVERY = Duration.ofHours(1);

    private final BackupService backups;
    private final Consumer<Throwable> onFailure;
    private final ScheduledExecutorService executor;

    private BackupTimer(BackupService backups, Consumer<Throwable> onFailure) {
        this.backups = backups;
        this.onFailure = onFailure;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-backup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /**
     * Starts looking after {@code firstLook}, then every {@link #LOOK_EVERY}.
     *
     * @param onFailure told of a backup that failed (logged; the Backups tab shows how old the newest one is)
     */
    public static BackupTimer start(BackupService backups, Duration firstLook, Consumer<Throwable> onFailure) {
        BackupTimer timer = new BackupTimer(backups, onFailure);
        timer.executor.scheduleWithFixedDelay(timer::look, firstLook.toMillis(), LOOK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return timer;
    }

    /** One look: a backup if one is due. Never throws. */
    void look() {
        try {
            backups.backupIfDue();
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
