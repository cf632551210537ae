package care.tandem.persistence;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The folder that holds {@code tandem.db} and its backups, held by this process alone through an OS
 * file lock (released by the OS when the process ends, so a crash never leaves a stale lock).
 */
public final class DataFolder implements AutoCloseable {
    public static final String DATABASE_FILE = "tandem.db";
    public static final String LOCK_FILE = "tandem.lock";
    public static final String BACKUPS = "backups";

    /** File-system types on which SQLite's WAL is unsafe (shared memory does not work across machines). */
    private static final Set<String> NETWORK_TYPES = Set.of(
            "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "afs", "ncpfs", "webdav", "davfs",
            "fuse.sshfs", "sshfs", "ceph", "glusterfs", "fuse.glusterfs", "lustre", "gpfs", "fuse.rclone");

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataFolder(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Where the data lives: {@code --data-dir} if given, else {@code TANDEM_HOME}, else the OS data folder
     * (Linux {@code ~/.local/share/tandem} or {@code $XDG_DATA_HOME/tandem}, macOS
     * {@code ~/Library/Application Support/Tandem}, Windows {@code %APPDATA%\Tandem}).
     */
    public static Path resolve(Path dataDirOption, Map<String, String> env, String osName, String userHome) {
        if (dataDirOption != null) {
            return dataDirOption.toAbsolutePath().normalize();
        }
        String home = env.get("TANDEM_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.getOrDefault("APPDATA", userHome + "\\AppData\\Roaming");
            return Path.of(appData, "Tandem");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Tandem");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share")).resolve("tandem");
    }

    /** The folder for this process: {@link #resolve} with the real environment. */
    public static Path resolveDefault(Path dataDirOption) {
        return resolve(dataDirOption, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /**
     * Creates the folder if needed, refuses a network share, and takes the single-instance lock.
     *
     * @throws ProblemException DATA_FOLDER_NETWORK_SHARE, DATA_FOLDER_IN_USE or DATA_FOLDER_NOT_WRITABLE
     */
    public static DataFolder open(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        if (isUncPath(folder.toString())) {
            throw new ProblemException(Problem.DATA_FOLDER_NETWORK_SHARE, folder);
        }
        try {
            Files.createDirectories(folder);
            if (isNetworkFileSystem(Files.getFileStore(folder).type())) {
                throw new ProblemException(Problem.DATA_FOLDER_NETWORK_SHARE, folder);
            }
            Files.createDirectories(folder.resolve(BACKUPS));
        } catch (IOException e) {
            throw new ProblemException(Problem.DATA_FOLDER_NOT_WRITABLE, e, folder);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new ProblemException(Problem.DATA_FOLDER_IN_USE, folder);
            }
            return new DataFolder(folder, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new ProblemException(Problem.DATA_FOLDER_IN_USE, e, folder);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ProblemException(Problem.DATA_FOLDER_NOT_WRITABLE, e, folder);
        }
    }

    static boolean isNetworkFileSystem(String type) {
        return type != null && NETWORK_TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    static boolean isUncPath(String path) {
        return path.startsWith("\\\\") || path.startsWith("//");
    }

    public Path path() {
        return dir;
    }

    public Path databaseFile() {
        return dir.resolve(DATABASE_FILE);
    }

    public Path backupsDir() {
        return dir.resolve(BACKUPS);
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // The OS releases the lock when the channel closes or the process ends.
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing left to do: closing a lock channel that failed.
            }
        }
    }
}
