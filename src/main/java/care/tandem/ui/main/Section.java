package care.tandem.ui.main;

/** The parts of Tandem the left navigation opens, in the order of Ctrl+1 to Ctrl+5. */
public enum Section {
    FAMILIES, SCREENING, VISITS, REFERRALS, REPORTS;

    /** The bundle key of its name in the navigation and the window title. */
    public String titleKey() {
        return "nav." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The bundle key of what it is for (the help window). */
    public String purposeKey() {
        return "help.purpose." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The bundle key of its empty state, for the parts still to come. */
    public String comingKey() {
        return "section.coming." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** 1 to 5: its Ctrl+digit. */
    public int number() {
        return ordinal() + 1;
    }
}
