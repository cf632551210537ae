package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A family in a result list, what matters first: the children with their ages, then each caregiver with
 * relationship and language, and tags in words for demo families and protective orders.
 */
final class FamilyListCell extends ListCell<Family> {
    private final FamilyFormat format;
    private final Label children = new Label();
    private final Label caregivers = new Label();
    private final Label synthetic = new Label();
    private final Label protectiveOrder = new Label();
    private final HBox box;

    FamilyListCell(FamilyFormat format) {
        this.format = format;
        children.getStyleClass().add("family-row-children");
        caregivers.getStyleClass().add("family-row-caregivers");
        synthetic.setText(format.texts().get("family.tag.synthetic"));
        synthetic.getStyleClass().addAll("family-tag", "family-tag-synthetic");
        protectiveOrder.setText(format.texts().get("family.tag.protectiveOrder"));
        protectiveOrder.setGraphic(FamilyIcons.lock());
        protectiveOrder.getStyleClass().addAll("family-tag", "family-tag-protective");
        synthetic.setMinWidth(Region.USE_PREF_SIZE);
        protectiveOrder.setMinWidth(Region.USE_PREF_SIZE);
        // Long households wrap rather than hide a child or caregiver behind "...".
        children.setWrapText(true);
        children.setMinWidth(0);
        children.setMaxWidth(Double.MAX_VALUE);
        caregivers.setWrapText(true);
        caregivers.setMinWidth(0);
        VBox text = new VBox(2, children, caregivers);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        // Tags stack on the right, so a narrow list still leaves room for the names.
        VBox tags = new VBox(4, protectiveOrder, synthetic);
        tags.setAlignment(Pos.TOP_RIGHT);
        tags.setMinWidth(Region.USE_PREF_SIZE);
        box = new HBox(8, text, tags);
        box.setMinWidth(0);
        box.getStyleClass().add("family-row");
        setPrefWidth(0);
    }

    /** Tall enough for the wrapped lines at the list's width (the default asks the graphic for one line). */
    @Override
    protected double computePrefHeight(double width) {
        double inner = width - snappedLeftInset() - snappedRightInset();
        if (getGraphic() == null || inner <= 0) {
            return super.computePrefHeight(width);
        }
        return snappedTopInset() + box.prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected void updateItem(Family family, boolean empty) {
        super.updateItem(family, empty);
        if (empty || family == null) {
            setGraphic(null);
            setText(null);
            setAccessibleText(null);
            return;
        }
        children.setText(format.childrenLine(family));
        caregivers.setText(format.caregiversLine(family));
        synthetic.setVisible(family.synthetic());
        synthetic.setManaged(family.synthetic());
        protectiveOrder.setVisible(family.protectiveOrder());
        protectiveOrder.setManaged(family.protectiveOrder());
        setText(null);
        setGraphic(box);
        setAccessibleText(children.getText() + ". " + caregivers.getText()
                + (family.protectiveOrder() ? ". " + protectiveOrder.getText() : "")
                + (family.synthetic() ? ". " + synthetic.getText() : ""));
    }
}
