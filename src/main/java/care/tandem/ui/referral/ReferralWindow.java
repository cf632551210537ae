package care.tandem.ui.referral;

import care.tandem.ui.common.UiContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.UUID;

/**
 * One referral in its own window (from the family page): details, history, loop measures and its actions (follow-up,
 * status, letter). The worklist shows the same details beside the list. The click that opens the window opens the
 * referral (audited; a private one as a private view), so the window shows it at once.
 */
public final class ReferralWindow {

    private ReferralWindow() {
    }

    /** @param onChanged run on the FX thread after anything was saved */
    public static void open(UiContext ui, Window owner, UUID referralId, Runnable onChanged) {
        show(ui, owner, referralId, onChanged);
    }

    /** Opens the window and returns it (tests). */
    static Stage show(UiContext ui, Window owner, UUID referralId, Runnable onChanged) {
        Stage[] stage = new Stage[1];
        ReferralDetailsView details = new ReferralDetailsView(ui, () -> stage[0]);
        details.model().setOnChanged(id -> onChanged.run());
        Button close = new Button(ui.texts().get("referral.details.window.close"));
        close.setId("referralWindowClose");
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("referral-dialog-buttons");
        BorderPane root = new BorderPane(details.node());
        BorderPane.setMargin(details.node(), new Insets(12, 4, 0, 16));
        root.setBottom(buttons);
        root.getStyleClass().add("referral-dialog");
        root.getStylesheets().add(ReferralDetailsView.STYLESHEET);
        stage[0] = ui.windows().newStage(owner, "referral.details.window.title", root, 720, 780);
        close.setOnAction(e -> stage[0].close());
        details.model().stateProperty().addListener((obs, old, now) -> {
            if (now == ReferralDetailsViewModel.State.SHOWN && old == ReferralDetailsViewModel.State.LOADING) {
                details.focus();
            }
        });
        stage[0].show();
        details.model().showById(referralId);
        return stage[0];
    }
}
