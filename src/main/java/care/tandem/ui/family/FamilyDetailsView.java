package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The household as the details pane and the merge window show it: the protective order first, then each
 * child, each caregiver with safe-contact preferences and restrictions, and the notes.
 */
final class FamilyDetailsView {
    private final FamilyFormat format;
    private final String idPrefix;

    /** @param idPrefix prefixes the node ids ("details", "kept", ...), unique per scene */
    FamilyDetailsView(FamilyFormat format, String idPrefix) {
        this.format = format;
        this.idPrefix = idPrefix;
    }

    /** The nodes showing {@code family}: a heading with its tags, then its sections. */
    VBox build(Family family) {
        return build(family, List.of());
    }

    /**
     * As {@link #build(Family)}, with the visit's panels right under the heading and any restriction (the screening
     * panel, the family's referrals, the visit notes), so what is due, any urgent result and what is open come first
     * on the family page (UX.md: one screen, no hunting).
     */
    VBox build(Family family, List<Node> panels) {
        VBox box = new VBox(14);
        box.getStyleClass().add("family-details");
        Label title = new Label(format.familyTitle(family));
        title.getStyleClass().addAll("title-2", "family-details-title");
        title.setId(idPrefix + "Title");
        title.setWrapText(true);
        FlowPane tags = new FlowPane(8, 6);
        if (family.protectiveOrder()) {
            tags.getChildren().add(tag("family.tag.protectiveOrder", "family-tag-protective", true));
        }
        if (family.synthetic()) {
            tags.getChildren().add(tag("family.tag.synthetic", "family-tag-synthetic", false));
        }
        box.getChildren().add(title);
        if (!tags.getChildren().isEmpty()) {
            box.getChildren().add(tags);
        }
        restriction(family).ifPresent(box.getChildren()::add);
        box.getChildren().addAll(panels);
        box.getChildren().add(heading("family.details.children"));
        List<Member> children = family.children();
        for (int i = 0; i < children.size(); i++) {
            box.getChildren().add(child(children.get(i), i));
        }
        box.getChildren().add(heading("family.details.caregivers"));
        List<Member> caregivers = family.caregivers();
        for (int i = 0; i < caregivers.size(); i++) {
            box.getChildren().add(caregiver(caregivers.get(i), i));
        }
        if (!family.notes().isBlank()) {
            box.getChildren().add(heading("family.details.notes"));
            box.getChildren().add(text(family.notes(), idPrefix + "Notes"));
        }
        return box;
    }

    private Optional<Node> restriction(Family family) {
        List<Member> restricted = family.caregivers().stream().filter(Member::restricted).toList();
        if (!family.protectiveOrder() && restricted.isEmpty() && family.restrictionNote().isBlank()) {
            return Optional.empty();
        }
        VBox box = new VBox(4);
        box.getStyleClass().add("family-restriction");
        box.setId(idPrefix + "Restriction");
        Label head = new Label(format.texts().get(family.protectiveOrder()
                ? "family.details.protectiveOrder" : "family.details.restrictions"), FamilyIcons.lock());
        head.getStyleClass().add("family-restriction-title");
        box.getChildren().add(head);
        if (!restricted.isEmpty()) {
            String names = restricted.stream().map(format::displayName).collect(Collectors.joining(", "));
            box.getChildren().add(text(format.texts().get("family.details.mustNotReceive", names), null));
        }
        if (!family.restrictionNote().isBlank()) {
            box.getChildren().add(text(family.restrictionNote(), idPrefix + "RestrictionNote"));
        }
        return Optional.of(box);
    }

    private Node child(Member child, int index) {
        VBox card = card();
        Label name = new Label(format.displayName(child));
        name.getStyleClass().add("family-member-name");
        name.setId(idPrefix + "Child" + index);
        String age = format.age(child.birthDate());
        Label ageLabel = new Label(age);
        ageLabel.getStyleClass().add("family-member-age");
        FlowPane head = new FlowPane(10, 4, name, ageLabel);
        GridPane facts = facts();
        int row = 0;
        row = fact(facts, row, "family.field.birthDate", format.date(child.birthDate()));
        row = fact(facts, row, "family.field.sex", format.sex(child.sex()));
        row = fact(facts, row, "family.field.language", languageText(child));
        row = fact(facts, row, "family.field.mediCalId", child.mediCalId());
        fact(facts, row, "family.field.notes", child.notes());
        card.getChildren().addAll(head, facts);
        return card;
    }

    private Node caregiver(Member caregiver, int index) {
        VBox card = card();
        Label name = new Label(format.displayName(caregiver));
        name.getStyleClass().add("family-member-name");
        name.setId(idPrefix + "Caregiver" + index);
        Label relationship = new Label(format.relationship(caregiver.relationship()));
        relationship.getStyleClass().add("family-member-age");
        FlowPane head = new FlowPane(10, 4, name, relationship);
        card.getChildren().add(head);
        if (caregiver.restricted()) {
            Label restricted = new Label(format.texts().get("family.details.restricted"), FamilyIcons.lock());
            restricted.getStyleClass().add("family-restricted");
            restricted.setWrapText(true);
            restricted.setId(idPrefix + "Restricted" + index);
            card.getChildren().add(restricted);
        }
        GridPane facts = facts();
        int row = 0;
        if (!caregiver.phone().isBlank()) {
            row = fact(facts, row, "family.field.phone",
                    caregiver.phone() + FamilyFormat.SEPARATOR + format.contact(caregiver.contact()));
        }
        row = fact(facts, row, "family.field.language", languageText(caregiver));
        row = fact(facts, row, "family.field.mayConsent", format.texts().get(
                caregiver.mayConsent() ? "family.details.yes" : "family.details.no"));
        row = fact(facts, row, "family.field.birthDate", format.date(caregiver.birthDate()));
        row = fact(facts, row, "family.field.mediCalId", caregiver.mediCalId());
        fact(facts, row, "family.field.notes", caregiver.notes());
        card.getChildren().add(facts);
        return card;
    }

    private String languageText(Member m) {
        String language = format.language(m.preferredLanguage());
        return m.interpreterNeeded()
                ? language + FamilyFormat.SEPARATOR + format.texts().get("family.details.interpreterNeeded")
                : language;
    }

    private VBox card() {
        VBox card = new VBox(6);
        card.getStyleClass().add("family-member-card");
        card.setPadding(new Insets(10, 12, 10, 12));
        return card;
    }

    private GridPane facts() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        // Fixed shares, so a narrow pane (the merge window) wraps long labels instead of squeezing the values.
        ColumnConstraints label = new ColumnConstraints();
        label.setPercentWidth(36);
        ColumnConstraints value = new ColumnConstraints();
        value.setPercentWidth(64);
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(label, value);
        return grid;
    }

    private int fact(GridPane grid, int row, String labelKey, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label label = new Label(format.texts().get(labelKey));
        label.getStyleClass().add("family-fact-label");
        label.setWrapText(true);
        Label text = new Label(value);
        text.setWrapText(true);
        text.getStyleClass().add("family-fact-value");
        grid.addRow(row, label, text);
        return row + 1;
    }

    private Label heading(String key) {
        Label label = new Label(format.texts().get(key));
        label.getStyleClass().addAll("title-4", "family-section-title");
        return label;
    }

    private Label text(String value, String id) {
        Label label = new Label(value);
        label.setWrapText(true);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    private Label tag(String key, String styleClass, boolean lock) {
        Label tag = new Label(format.texts().get(key));
        tag.getStyleClass().addAll("family-tag", styleClass);
        if (lock) {
            tag.setGraphic(FamilyIcons.lock());
        }
        return tag;
    }
}
