package care.tandem.ui.common;

import care.tandem.AppContext;
import care.tandem.i18n.Texts;

/**
 * What every screen of the window needs: the services (through {@link AppContext}), the background
 * runner, dialogs, the texts of the chosen language, the controller registry and the open windows.
 *
 * @param demo the data folder holds demo data: every window shows the DEMO band
 */
public record UiContext(AppContext app, BackgroundRunner runner, DialogService dialogs, Texts texts,
                        ControllerRegistry controllers, Windows windows, boolean demo) {
}
