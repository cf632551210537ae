package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.ImportedQuestionnaire;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.user.Role;
import care.tandem.domain.screening.ImportMarks;
import care.tandem.interop.instrument.QuestionnaireImporter;
import care.tandem.interop.instrument.QuestionnaireRefused;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.ImportedQuestionnaireRepository;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.WriteStamp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The instruments a clinic gives: the bundled ones and the FHIR Questionnaires it imported (ADR 0008). Imports are
 * stored in the database, so they sync; which version new screens use is a clinic setting per instrument, changed
 * only by an administrator, and never a version that lacks a critical item of the instrument.
 */
public final class InstrumentService {
    /** Setting key prefix: {@code instrument.current.<id>} = the version new screens use. */
    static final String CURRENT_KEY = "instrument.current.";
    static final String ENTITY = "imported_questionnaire";

    private final Database db;
    private final ImportedQuestionnaireRepository imports;
    private final InstallRepository install;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;
    private final Supplier<InstrumentLibrary> bundled;
    private final QuestionnaireImporter importer;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile InstrumentLibrary library;

    public InstrumentService(Database db, ImportedQuestionnaireRepository imports, InstallRepository install,
                             AuditRepository audit, Stamps stamps, Session session, Supplier<InstrumentLibrary> bundled,
                             QuestionnaireImporter importer) {
        this.db = db;
        this.imports = imports;
        this.install = install;
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
        this.bundled = bundled;
        this.importer = importer;
    }

    /** Called after an import or a change of current version (the screening service forgets its instruments). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    // ---- the library ----

    /**
     * Bundled and imported instruments, each with its current version and its others. An import that cannot be read
     * again (a damaged row) is left out rather than stopping every screen; the bundled instruments are always there.
     */
    public InstrumentLibrary library() {
        InstrumentLibrary l = library;
        if (l == null) {
            synchronized (this) {
                l = library;
                if (l == null) {
                    l = build();
                    library = l;
                }
            }
        }
        return l;
    }

    private InstrumentLibrary build() {
        InstrumentLibrary base = bundled.get();
        List<ImportedQuestionnaire> rows = db.read(imports::all);
        Map<String, String> chosen = new HashMap<>();
        Map<String, List<Instrument>> versions = new LinkedHashMap<>();
        for (Instrument i : base.all()) {
            versions.computeIfAbsent(i.id(), k -> new ArrayList<>()).add(i);
        }
        Map<String, ImportedQuestionnaire> rowOf = new HashMap<>();
        List<Instrument> translations = new ArrayList<>();
        for (ImportedQuestionnaire q : rows) {
            if (!q.usable()) {
                continue;
            }
            Instrument ins;
            try {
                ins = importer.rebuild(q.questionnaireJson(), q.url(), q.instrument(), q.version(),
                        json.readTree(q.rulesJson()));
            } catch (RuntimeException | JsonProcessingException e) {
                continue;
            }
            List<Instrument> vs = versions.computeIfAbsent(q.instrument(), k -> new ArrayList<>());
            if (vs.stream().noneMatch(v -> v.version().equals(q.version()))) {
                vs.add(ins);
                rowOf.put(key(q.instrument(), q.version()), q);
            }
            if (q.kind().equals(QuestionnaireImporter.Kind.TRANSLATION.name())) {
                translations.add(ins);
            }
        }
        db.read(c -> {
            for (String id : versions.keySet()) {
                install.setting(c, CURRENT_KEY + id).ifPresent(v -> chosen.put(id, v));
            }
            return null;
        });
        List<Instrument> current = new ArrayList<>();
        List<Instrument> others = new ArrayList<>();
        for (var e : versions.entrySet()) {
            List<Instrument> vs = e.getValue();
            Instrument pick = vs.get(0);
            String wanted = chosen.get(e.getKey());
            if (wanted != null) {
                for (Instrument v : vs) {
                    ImportedQuestionnaire row = rowOf.get(key(v.id(), v.version()));
                    if (v.version().equals(wanted) && (row == null || row.losesCritical().isEmpty())) {
                        pick = v;
                    }
                }
            }
            for (Instrument t : translations) {
                if (t.id().equals(pick.id()) && t != pick) {
                    pick = pick.withTranslation(t, t.languages());
                }
            }
            current.add(pick);
            for (Instrument v : vs) {
                if (!v.version().equals(pick.version())) {
                    others.add(v);
                }
            }
        }
        return new InstrumentLibrary(current, others);
    }

    private static String key(String id, String version) {
        return id + "|" + version;
    }

    /**
     * Reads the instruments again on next use: after a sync brought another laptop's imports or its choice of current
     * version.
     */
    public void reload() {
        changed();
    }

    private void changed() {
        synchronized (this) {
            library = null;
        }
        listeners.forEach(Runnable::run);
    }

    // ---- importing ----

    /** What an import of this file would add, and what Tandem cannot honour in it; stores nothing. */
    public ImportPreview preview(Path file, ImportMarks marks) {
        return preview(plan(read(file), marks));
    }

    /** As {@link #preview(Path, ImportMarks)}, for the file's text. */
    public ImportPreview previewText(String text, ImportMarks marks) {
        return preview(plan(text, marks));
    }

    private static ImportPreview preview(QuestionnaireImporter.Plan p) {
        return new ImportPreview(p.kind().name(), p.id(), p.version(), p.versionOf(), p.recognisedBy(), p.title(),
                p.url(), p.urlGenerated(), p.languages(), p.instrument(), p.linkIds(), p.notHonoured(),
                p.losesCritical());
    }

    private QuestionnaireImporter.Plan plan(String text, ImportMarks marks) {
        InstrumentLibrary known = library();
        List<QuestionnaireImporter.Existing> existing = db.read(imports::all).stream()
                .map(q -> new QuestionnaireImporter.Existing(q.instrument(), q.version(), q.url(), q.panelCode()))
                .toList();
        try {
            return importer.plan(text, known, existing, marks);
        } catch (QuestionnaireRefused e) {
            throw new ProblemException(Problem.QUESTIONNAIRE_REFUSED, e.reason());
        }
    }

    /** An administrator imports a Questionnaire in the window. */
    public ImportedQuestionnaire importFile(Path file, ImportMarks marks) {
        UUID user = session.requireRole(Role.ADMINISTRATOR).id();
        return store(read(file), marks, user);
    }

    /**
     * An import from the command line ({@code tandem import-questionnaire}): whoever holds the clinic's passphrase
     * and the data folder; stamped with no user, audited as from the command line.
     */
    public ImportedQuestionnaire importFromCommandLine(Path file, ImportMarks marks) {
        return store(read(file), marks, null);
    }

    /** As {@link #importFile}, for the file's text (tests, the window's preview already read it). */
    public ImportedQuestionnaire importText(String text, ImportMarks marks) {
        UUID user = session.requireRole(Role.ADMINISTRATOR).id();
        return store(text, marks, user);
    }

    private ImportedQuestionnaire store(String text, ImportMarks marks, UUID user) {
        QuestionnaireImporter.Plan p = plan(text, marks);
        ImportedQuestionnaire row = db.write(c -> {
            WriteStamp s = stamps.now(user);
            ImportedQuestionnaire q = new ImportedQuestionnaire(UUID.randomUUID(), p.id(), p.version(), p.kind().name(),
                    p.versionOf(), p.url(), p.urlGenerated(), p.fileVersion(), p.panelCode(), p.title(),
                    p.languages(), text, p.rules().toString(), marks(marks), p.notHonoured(),
                    p.instrument() != null, p.losesCritical(), s.at(), user);
            imports.insert(c, q, s);
            audit.append(c, s, AuditAction.CREATE, ENTITY, q.id(), p.id() + " " + p.version() + " " + p.kind()
                    + (user == null ? " (command line)" : ""));
            return q;
        });
        changed();
        return row;
    }

    private String marks(ImportMarks m) {
        ObjectNode o = json.createObjectNode();
        m.critical().forEach(o.putArray("critical")::add);
        if (m.critical().isEmpty()) {
            o.putArray("critical");
        }
        if (m.positiveAt() != null) {
            o.put("positiveAt", m.positiveAt());
        }
        return o.toString();
    }

    private static String read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new ProblemException(Problem.QUESTIONNAIRE_REFUSED, "it is a folder, not a file");
            }
            if (Files.size(file) > QuestionnaireImporter.MAX_BYTES) {
                throw new ProblemException(Problem.QUESTIONNAIRE_REFUSED, "it is larger than "
                        + QuestionnaireImporter.MAX_BYTES / (1024 * 1024) + " MB, too large for a Questionnaire");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ProblemException(Problem.QUESTIONNAIRE_REFUSED, "there is no such file");
        } catch (AccessDeniedException e) {
            throw new ProblemException(Problem.QUESTIONNAIRE_REFUSED, "the file may not be read (permission denied)");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ProblemException(Problem.QUESTIONNAIRE_REFUSED, "it is not UTF-8 text");
        } catch (IOException e) {
            throw new ProblemException(Problem.QUESTIONNAIRE_REFUSED, "the file could not be read");
        }
    }

    // ---- versions ----

    /** One version of an instrument, as the Instruments tab lists it. */
    public record Version(String instrument, String version, String title, Set<String> languages, boolean bundled,
                          String kind, boolean current, boolean canBeCurrent, String whyNot,
                          List<String> notHonoured, String url, UUID importId) {
        public Version {
            languages = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(languages));
            notHonoured = List.copyOf(notHonoured);
        }
    }

    /** Every version of every instrument: bundled ones first, in the library's order, then imported ones. */
    public List<Version> versions() {
        InstrumentLibrary l = library();
        List<ImportedQuestionnaire> rows = db.read(imports::all);
        List<Version> out = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (Instrument current : l.all()) {
            for (Instrument v : l.versions(current.id())) {
                Optional<ImportedQuestionnaire> row = rows.stream()
                        .filter(q -> q.instrument().equals(v.id()) && q.version().equals(v.version())).findFirst();
                boolean isCurrent = v == current || v.version().equals(current.version());
                String whyNot = row.filter(q -> !q.losesCritical().isEmpty())
                        .map(q -> "it lacks critical item " + String.join(", ", q.losesCritical())).orElse(null);
                Set<String> all = new java.util.TreeSet<>(isCurrent ? current.languages() : v.languages());
                all.addAll(isCurrent ? current.unverifiedLanguages() : v.unverifiedLanguages());
                Set<String> langs = new LinkedHashSet<>();
                if (all.remove("en")) {
                    langs.add("en");
                }
                langs.addAll(all);
                out.add(new Version(v.id(), v.version(), v.title().in("en"), langs, row.isEmpty(),
                        row.map(ImportedQuestionnaire::kind).orElse("BUNDLED"), isCurrent, whyNot == null, whyNot,
                        row.map(ImportedQuestionnaire::notHonoured).orElse(List.of()), v.url(),
                        row.map(ImportedQuestionnaire::id).orElse(null)));
                listed.add(key(v.id(), v.version()));
            }
        }
        for (ImportedQuestionnaire q : rows) {
            if (!listed.contains(key(q.instrument(), q.version()))) {
                out.add(new Version(q.instrument(), q.version(), q.title(), q.languages(), false, q.kind(), false,
                        false, q.usable() ? "it could not be read again" : "it has no questions Tandem can ask",
                        q.notHonoured(), q.url(), q.id()));
            }
        }
        return out;
    }

    /**
     * An administrator makes a version the one new screens use (screens already begun keep theirs).
     *
     * @throws ProblemException INSTRUMENT_VERSION_REFUSED for a version that lacks a critical item of the instrument
     *                          or has nothing to ask; NOT_FOUND for an unknown version
     */
    public void makeCurrent(String instrumentId, String version) {
        UUID user = session.requireRole(Role.ADMINISTRATOR).id();
        setCurrent(instrumentId, version, user);
    }

    /** As {@link #makeCurrent}, from the command line (no signed-in user). */
    public void makeCurrentFromCommandLine(String instrumentId, String version) {
        setCurrent(instrumentId, version, null);
    }

    private void setCurrent(String instrumentId, String version, UUID user) {
        Version v = versions().stream().filter(x -> x.instrument().equals(instrumentId) && x.version().equals(version))
                .findFirst().orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        if (!v.canBeCurrent()) {
            throw new ProblemException(Problem.INSTRUMENT_VERSION_REFUSED, v.whyNot());
        }
        db.write(c -> {
            WriteStamp s = stamps.now(user);
            install.putSetting(c, CURRENT_KEY + instrumentId, version, s);
            audit.append(c, s, AuditAction.CHANGE, ENTITY, v.importId(), instrumentId + " current " + version
                    + (user == null ? " (command line)" : ""));
            return null;
        });
        changed();
    }

    /** The clinic's marks stored with an import (for showing them again). */
    public JsonNode marksOf(ImportedQuestionnaire q) {
        try {
            return json.readTree(q.marksJson());
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
