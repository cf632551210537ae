package care.tandem.ui.settings;

import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.testing.SyncRunner;
import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.backup.BackupChoosers;
import care.tandem.ui.backup.BackupsController;
import care.tandem.ui.backup.BackupsViewModel;
import care.tandem.ui.common.DialogService;

/** The controllers the Settings window's FXML needs (its tabs include the Backups view), for headless tests. */
final class SettingsControllers {
    private SettingsControllers() {
    }

    static ControllerRegistry registry(AppContext app, SettingsViewModel vm, DialogService dialogs, Texts texts) {
        ControllerRegistry registry = SettingsController.register(new ControllerRegistry(), () -> vm);
        BackupsViewModel backups = new BackupsViewModel(app.backups(), app.clinic(), new SyncRunner(), dialogs, texts,
                app.clock(), message -> { });
        BackupsController.register(registry, () -> backups, BackupChoosers.system(),
                () -> app.dataDir().resolve("backups"));
        return registry;
    }
}
