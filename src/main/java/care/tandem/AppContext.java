package care.tandem;

import care.tandem.domain.sync.Hlc;
import care.tandem.domain.sync.HybridClock;
import care.tandem.domain.user.PasswordHasher;
import care.tandem.domain.user.SignInPolicy;
import care.tandem.interop.fhir.FhirJson;
import care.tandem.interop.fhir.ResponseReader;
import care.tandem.interop.instrument.InstrumentReader;
import care.tandem.interop.instrument.QuestionnaireImporter;
import care.tandem.interop.pdf.PdfPrinting;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.BillingRepository;
import care.tandem.persistence.DataFolder;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.ImportedQuestionnaireRepository;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.NoteRepository;
import care.tandem.persistence.ReferralRepository;
import care.tandem.persistence.SchemaMigrator;
import care.tandem.persistence.ScreeningRepository;
import care.tandem.persistence.SyncStore;
import care.tandem.persistence.UserRepository;
import care.tandem.domain.backup.RotationRule;
import care.tandem.service.AccountService;
import care.tandem.service.BackupService;
import care.tandem.service.RestoreService;
import care.tandem.service.BillingService;
import care.tandem.service.ClinicService;
import care.tandem.service.CsvExportService;
import care.tandem.service.DemoService;
import care.tandem.service.FamilyService;
import care.tandem.service.FhirExportService;
import care.tandem.persistence.FhirExportRepository;
import care.tandem.service.InstrumentService;
import care.tandem.service.NotePrinting;
import care.tandem.service.NoteService;
import care.tandem.service.ReferralService;
import care.tandem.service.ResponseScoringService;
import care.tandem.service.ScreeningService;
import care.tandem.service.Session;
import care.tandem.service.Stamps;
import care.tandem.service.SyncService;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Creates and connects everything for one open data folder: the only place that calls {@code new} on a
 * repository or service. Closing it closes the database and releases the folder lock.
 */
public final class AppContext implements AutoCloseable {
    private final DataFolder folder;
    private final Database database;
    private final Session session = new Session();
    private final Clock clock;
    private final AccountService accounts;
    private final ClinicService clinic;
    private final FamilyService families;
    private final DemoService demo;
    private final ScreeningService screening;
    private final ReferralService referrals;
    private final NoteService notes;
    private final BillingService billing;
    private final NotePrinting notePrinting;
    private final CsvExportService csvExport;
    private final FhirJson fhir = new FhirJson();
    private final FhirExportService fhirExport;
    private final SyncService sync;
    private final InstrumentService instrumentService;
    private final BackupService backups;

    private AppContext(DataFolder folder, Database database, Clock clock, PasswordHasher hasher) {
        this.folder = folder;
        this.database = database;
        this.clock = clock;
        InstallRepository install = new InstallRepository();
        ClinicService.Identity id = ClinicService.ensureIdentity(database, install);
        HybridClock hlc = new HybridClock(clock, id.deviceId());
        // A laptop whose clock was set back must still stamp later changes after the ones it already wrote.
        database.read(install::latestHlc).map(Hlc::parse).ifPresent(hlc::observe);
        Stamps stamps = new Stamps(clock, hlc, id.deviceId(), session);
        UserRepository users = new UserRepository();
        AuditRepository audit = new AuditRepository();
        FamilyRepository familyRepository = new FamilyRepository();
        this.accounts = new AccountService(database, users, install, audit, hasher, SignInPolicy.standard(),
                stamps, session, id.clinicId());
        this.clinic = new ClinicService(database, install, stamps, session);
        this.families = new FamilyService(database, familyRepository, audit, stamps, session);
        InstrumentReader instruments = new InstrumentReader(fhir);
        this.referrals = new ReferralService(database, new ReferralRepository(), familyRepository, users, audit, stamps,
                session, clinic);
        // Questionnaire import (issue 6, ADR 0008): bundled and imported instruments, the current version of each.
        this.instrumentService = new InstrumentService(database, new ImportedQuestionnaireRepository(), install, audit,
                stamps, session, instruments::bundled, new QuestionnaireImporter(fhir));
        this.screening = new ScreeningService(database, new ScreeningRepository(), familyRepository, install, audit,
                stamps, session, instrumentService::library, referrals);
        instrumentService.onChange(screening::instrumentsChanged);
        this.notes = new NoteService(database, new NoteRepository(), new ScreeningRepository(),
                new ReferralRepository(), familyRepository, users, audit, stamps, session, referrals,
                screening::instruments);
        this.billing = new BillingService(database, new BillingRepository(), new ScreeningRepository(),
                familyRepository, users, install, audit, stamps, session, clinic);
        this.demo = new DemoService(database, familyRepository, users, install, audit, accounts, stamps,
                new ScreeningRepository(), screening::instruments, referrals, new ReferralRepository(), notes,
                new NoteRepository(), billing);
        this.notePrinting = new NotePrinting(database, notes, billing, families, accounts, clinic, audit, stamps,
                session, new PdfPrinting());
        this.fhirExport = new FhirExportService(database, new FhirExportRepository(), familyRepository,
                new ScreeningRepository(), new ReferralRepository(), new NoteRepository(), users, audit, stamps,
                session, screening::instruments, notePrinting, clinic, fhir);
        this.sync = new SyncService(database, new SyncStore(familyRepository), install, audit, stamps, hlc, session,
                clinic, instrumentService::reload);
        this.csvExport = new CsvExportService(database, familyRepository, new ScreeningRepository(),
                new ReferralRepository(), new BillingRepository(), new NoteRepository(), users, audit, stamps, session,
                screening::instruments);
        this.backups = new BackupService(database, folder.path(), RotationRule.standard(), audit, stamps, session,
                accounts, clinic, clock);
    }

    /**
     * Opens a data folder: takes its lock, opens {@code tandem.db}, backs it up and migrates it if needed,
     * and makes sure the clinic and this device have ids.
     *
     * @throws care.tandem.domain.problem.ProblemException with what is wrong and what to do
     */
    public static AppContext open(Path dataDir, Clock clock) {
        return open(dataDir, clock, new PasswordHasher());
    }

    /** As {@link #open(Path, Clock)}, with a given password hasher (tests use a fast one). */
    public static AppContext open(Path dataDir, Clock clock, PasswordHasher hasher) {
        DataFolder folder = DataFolder.open(dataDir);
        Database db = null;
        try {
            db = Database.open(folder.databaseFile());
            new SchemaMigrator(db, folder.backupsDir(), clock).migrate();
            return new AppContext(folder, db, clock, hasher);
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            folder.close();
            throw e;
        }
    }

    /**
     * The scoring of FHIR QuestionnaireResponse files on its own, for {@code tandem score}. Scoring a file is
     * stateless, so it needs no data folder, database or sign-in ({@link #open} would demand a folder and take
     * its lock); it scores with the bundled instruments' published thresholds, as no clinic's settings apply.
     */
    public static ResponseScoringService standaloneScoring() {
        FhirJson fhir = new FhirJson();
        InstrumentReader instruments = new InstrumentReader(fhir);
        return new ResponseScoringService(new ResponseReader(fhir), instruments::bundled,
                new QuestionnaireImporter(fhir));
    }

    /**
     * A data folder whose database is not opened (it may be damaged), held by its lock, for {@code tandem restore}
     * and for the restore offered when the database is found damaged at start.
     *
     * @throws care.tandem.domain.problem.ProblemException DATA_FOLDER_IN_USE while Tandem has it open, ...
     */
    public static RestoreService openForRestore(Path dataDir, Clock clock) {
        return new RestoreService(DataFolder.open(dataDir), clock);
    }

    /** The data folder to open: the {@code --data-dir} option if given, else TANDEM_HOME, else the OS data folder. */
    public static Path dataDir(Path dataDirOption) {
        return DataFolder.resolveDefault(dataDirOption);
    }

    public Path dataDir() {
        return folder.path();
    }

    public Clock clock() {
        return clock;
    }

    public Session session() {
        return session;
    }

    public AccountService accounts() {
        return accounts;
    }

    public ClinicService clinic() {
        return clinic;
    }

    public FamilyService families() {
        return families;
    }

    public ReferralService referrals() {
        return referrals;
    }

    public NoteService notes() {
        return notes;
    }

    public BillingService billing() {
        return billing;
    }

    /** The note and superbill PDFs, and printing. */
    public NotePrinting notePrinting() {
        return notePrinting;
    }

    /** The FHIR R4 export (Bundle JSON or NDJSON). */
    public FhirExportService fhirExport() {
        return fhirExport;
    }

    /** Sync with the clinic's other laptops through a shared folder, and the conflicts it kept. */
    public SyncService sync() {
        return sync;
    }

    public CsvExportService csvExport() {
        return csvExport;
    }

    /** Backups in the data folder and outside it, and restoring one in place of the open database. */
    public BackupService backups() {
        return backups;
    }

    public DemoService demo() {
        return demo;
    }

    public ScreeningService screening() {
        return screening;
    }

    /** Bundled and imported instruments: importing Questionnaires, versions, which one is current. */
    public InstrumentService instruments() {
        return instrumentService;
    }

    @Override
    public void close() {
        database.close();
        folder.close();
    }
}
