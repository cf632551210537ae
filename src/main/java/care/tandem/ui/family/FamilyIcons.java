package care.tandem.ui.family;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Small shapes drawn beside words (never instead of them), so they need no icon font. */
final class FamilyIcons {
    private static final String LOCK = "M3 7V5a5 5 0 0 1 10 0v2h1v9H2V7h1zm2 0h6V5a3 3 0 0 0-6 0v2z";

    private FamilyIcons() {
    }

    /** A padlock, for a protective order and for a caregiver who must not receive information. */
    static Node lock() {
        SVGPath lock = new SVGPath();
        lock.setContent(LOCK);
        lock.getStyleClass().add("family-lock-icon");
        return lock;
    }
}
