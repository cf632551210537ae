package care.tandem.service;

import care.tandem.domain.backup.BackupName;

import java.nio.file.Path;

/**
 * A copy in the data folder's {@code backups/}.
 *
 * @param file    where it is
 * @param name    its kind and when it was made
 * @param size    bytes
 * @param checked whether it passed {@code PRAGMA integrity_check} before it was given its name (regular backups and
 *                the copies kept before a restore; the copies the migrator makes before a migration are not checked)
 */
public record Backup(Path file, BackupName name, long size, boolean checked) {
}
