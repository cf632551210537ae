package care.tandem.ui.referral;

import care.tandem.ui.common.UiContext;
import javafx.stage.Window;

import java.util.UUID;

/**
 * One referral in its own window (from the family page): details, history, loop measures and its actions (follow-up,
 * status, letter). The worklist shows the same details beside the list.
 */
public final class ReferralWindow {

    private ReferralWindow() {
    }

    /** @param onChanged run on the FX thread after anything was saved */
    public static void open(UiContext ui, Window owner, UUID referralId, Runnable onChanged) {
        throw new UnsupportedOperationException("referral window: being built");
    }
}
