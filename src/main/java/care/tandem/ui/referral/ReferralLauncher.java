package care.tandem.ui.referral;

import care.tandem.domain.family.Family;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.family.FamilyFormat;
import javafx.stage.Window;

/** Opens the new-referral dialog from anywhere (a positive result, the family page). */
public final class ReferralLauncher {

    private ReferralLauncher() {
    }

    /**
     * Offers a referral for this family: the clinician picks person, need, destination, urgency, follow-up date and
     * consent, then refers (sent or draft) or records that the family declined.
     *
     * @param onChanged run on the FX thread after anything was saved
     */
    public static void refer(UiContext ui, Window owner, Family family, ReferralOffer offer, Runnable onChanged) {
        NewReferralViewModel vm = new NewReferralViewModel(ui.app().referrals(), ui.runner(),
                new ReferralWords(ui.texts()), new FamilyFormat(ui.texts(), ui.app().clock()), family, offer);
        NewReferralDialog.show(ui, owner, vm, onChanged);
    }
}
