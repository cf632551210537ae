package care.tandem.domain.note;

/** Where the visit took place (DHCS: dyadic services have no location limits; the place is documented). */
public enum VisitPlace {
    CLINIC, HOME, SCHOOL, COMMUNITY, VIDEO, PHONE
}
