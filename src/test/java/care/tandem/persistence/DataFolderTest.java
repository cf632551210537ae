package care.tandem.persistence;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFolderTest {

    @Test
    void theDataDirOptionWinsOverTandemHomeAndTheOsFolder() {
        Path chosen = DataFolder.resolve(Path.of("/tmp/x"), Map.of("TANDEM_HOME", "/srv/t"), "Linux", "/home/a");
        assertEquals(Path.of("/tmp/x"), chosen);
    }

    @Test
    void tandemHomeWinsOverTheOsFolder() {
        assertEquals(Path.of("/srv/t"), DataFolder.resolve(null, Map.of("TANDEM_HOME", "/srv/t"), "Linux", "/home/a"));
    }

    @Test
    void eachOperatingSystemHasItsOwnDataFolder() {
        assertEquals(Path.of("/home/a/.local/share/tandem"), DataFolder.resolve(null, Map.of(), "Linux", "/home/a"));
        assertEquals(Path.of("/x/data/tandem"),
                DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/x/data"), "Linux", "/home/a"));
        assertEquals(Path.of("/Users/a/Library/Application Support/Tandem"),
                DataFolder.resolve(null, Map.of(), "Mac OS X", "/Users/a"));
        assertEquals(Path.of("C:\\Users\\a\\AppData\\Roaming", "Tandem"),
                DataFolder.resolve(null, Map.of("APPDATA", "C:\\Users\\a\\AppData\\Roaming"), "Windows 11", "C:\\Users\\a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "fuse.sshfs", "webdav"})
    void networkFileSystemsAreRecognised(String type) {
        assertTrue(DataFolder.isNetworkFileSystem(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "xfs", "btrfs", "apfs", "NTFS", "tmpfs", "overlay"})
    void localFileSystemsAreAccepted(String type) {
        assertFalse(DataFolder.isNetworkFileSystem(type));
    }

    @Test
    void aWindowsNetworkPathIsRefusedWithTheReason() {
        assertTrue(DataFolder.isUncPath("\\\\server\\share\\tandem"));
        assertFalse(DataFolder.isUncPath("C:\\Users\\a\\AppData"));
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefusedAndTheLockGoesWithTheFirst(@TempDir Path dir) {
        try (DataFolder first = DataFolder.open(dir)) {
            ProblemException e = assertThrows(ProblemException.class, () -> DataFolder.open(dir));
            assertEquals(Problem.DATA_FOLDER_IN_USE, e.problem());
            assertTrue(Files.isDirectory(first.backupsDir()));
        }
        try (DataFolder again = DataFolder.open(dir)) {
            assertEquals(dir.toAbsolutePath().normalize(), again.path());
        }
    }

    @Test
    void aFolderThatCannotBeCreatedGetsAClearProblem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        ProblemException e = assertThrows(ProblemException.class, () -> DataFolder.open(file.resolve("sub")));
        assertEquals(Problem.DATA_FOLDER_NOT_WRITABLE, e.problem());
    }
}
