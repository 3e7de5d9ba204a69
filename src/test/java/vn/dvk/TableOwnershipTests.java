package vn.dvk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table belongs to the module whose code writes it, and a module's SQL names only its own tables
 * and the read models (SQL views) that another module declared for it. {@code ApplicationModules.verify()}
 * sees Java dependencies only; this test sees the SQL: the string literals and text blocks of each
 * module's classes under src/main/java (native {@code @Query} annotations included).
 *
 * <p>The views are declared in one place, the migration that creates them: the comment line
 * {@code -- read model NAME, owned by MODULE, read by MODULE, MODULE} above each {@code create view}. The
 * owning module answers for what the view shows (its columns, what "recognised" means); a reader not
 * listed there may not use it either, so the migration is the list of who reads whose data.
 */
class TableOwnershipTests {

    static final Path SOURCES = Path.of("src/main/java/vn/dvk");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Each table and the module whose code writes it (its entities, inserts and updates). */
    static final Map<String, String> OWNER = owners(Map.ofEntries(
            Map.entry("adminunit", List.of("admin_unit", "admin_unit_successor", "admin_unit_revision", "unit_boundary")),
            Map.entry("organisation", List.of("organisation")),
            Map.entry("identity", List.of("user_account", "api_token", "spring_session", "spring_session_attributes", "idempotency_key")),
            Map.entry("audit", List.of("audit_entry", "audit_head", "audit_related")),
            Map.entry("initiative", List.of("sector", "initiative", "initiative_code_counter", "registration", "initiative_indicator",
                    "attachment", "initiative_word", "registration_tally", "registration_tally_province",
                    "search_change", "registration_step", "initiative_word_pending")),
            Map.entry("workflow", List.of("decision", "decision_signature", "commendation_proposal", "commendation_item", "inspection",
                    "follow_up", "notification")),
            Map.entry("evaluation", List.of("criteria_set", "criterion", "evaluation_sheet", "evaluation_score")),
            Map.entry("report", List.of("outcome_indicator", "report_assessment")),
            Map.entry("exchange", List.of("import_upload", "import_job", "import_mapping")),
            Map.entry("portal", List.of("public_listing", "story", "feedback", "app_secret")),
            Map.entry("planning", List.of("plan_period", "plan", "plan_document", "plan_target", "movement", "initiative_movement",
                    "conference", "conference_paper", "conference_paper_initiative")),
            Map.entry("document", List.of("document_settings", "document_counter", "issued_document"))));

    private static final Pattern NAMED = Pattern.compile("(?i:\\b(?:from|join|into|update|table)\\s+)([a-z_][a-z0-9_]*)");
    private static final Pattern WRITTEN = Pattern.compile(
            "(?i:\\b(?:insert\\s+into|merge\\s+into|delete\\s+from|update)\\s+)([a-z_][a-z0-9_]*)|(?:@Table|@CollectionTable)\\(name\\s*=\\s*\"([a-z_0-9]+)\"");
    private static final Pattern DECLARED = Pattern.compile(
            "--\\s*read model (\\w+), owned by (\\w+), read by ([\\w, ]+)");

    record ReadModel(String name, String owner, Set<String> readers) {
    }

    @Test
    void everyTableOfTheMigrationsHasAnOwner() {
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("(?i)create table (\\w+)").matcher(migrations());
        while (m.find()) {
            created.add(m.group(1).toLowerCase());
        }
        assertThat(OWNER.keySet()).as("a new table: name the module that writes it in OWNER").containsAll(created);
    }

    @Test
    void onlyItsOwnerWritesATable() {
        List<String> foreign = new ArrayList<>();
        forEachSource((module, file, source) -> {
            Matcher m = WRITTEN.matcher(source);
            while (m.find()) {
                String table = m.group(1) != null ? m.group(1) : m.group(2);
                String owner = OWNER.get(table);
                if (owner != null && !owner.equals(module)) {
                    foreign.add(file + " writes " + table + " of " + owner);
                }
            }
        }, false);
        assertThat(foreign).isEmpty();
    }

    @Test
    void everyViewIsDeclaredWithItsOwnerAndReaders() {
        Map<String, ReadModel> declared = readModels();
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("(?i)create view (\\w+)").matcher(migrations());
        while (m.find()) {
            created.add(m.group(1).toLowerCase());
        }
        assertThat(declared.keySet()).as("each view has its '-- read model' line").containsExactlyInAnyOrderElementsOf(created);
        declared.values().forEach(view -> assertThat(OWNER.values()).as(view.name() + "'s owner").contains(view.owner()));
    }

    @Test
    void aModulesSqlNamesOnlyItsOwnTablesAndTheReadModelsDeclaredForIt() {
        Map<String, ReadModel> views = readModels();
        List<String> foreign = new ArrayList<>();
        forEachSource((module, file, sql) -> {
            Matcher m = NAMED.matcher(sql);
            while (m.find()) {
                String name = m.group(1);
                String owner = OWNER.get(name);
                ReadModel view = views.get(name);
                if (owner != null && !owner.equals(module)) {
                    foreign.add(file + " reads " + name + " of " + owner);
                } else if (view != null && !view.owner().equals(module) && !view.readers().contains(module)) {
                    foreign.add(file + " reads the view " + name + " of " + view.owner() + ", not declared for " + module);
                }
            }
        }, true);
        assertThat(foreign).as("read another module's data through its API or a view it declares for you (V30)").isEmpty();
    }

    interface SourceVisitor {
        void visit(String module, Path file, String text);
    }

    /** Each Java file of a module, whole or (with {@code literalsOnly}) each of its string literals and text blocks. */
    private static void forEachSource(SourceVisitor visitor, boolean literalsOnly) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                String source = Files.readString(file);
                if (literalsOnly) {
                    for (String literal : literals(source)) {
                        visitor.visit(module, file, literal);
                    }
                } else {
                    visitor.visit(module, file, String.join("\n", literals(source)) + "\n" + annotations(source));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entity table annotations of a source, where the table name is not SQL of its own. */
    private static String annotations(String source) {
        StringBuilder found = new StringBuilder();
        Matcher m = Pattern.compile("@(?:Collection)?Table\\(name\\s*=\\s*\"[a-z_0-9]+\"").matcher(source);
        while (m.find()) {
            found.append(m.group()).append('\n');
        }
        return found.toString();
    }

    /** The string literals and text blocks of a Java source, comments and char literals skipped. */
    static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !(source.startsWith("\"\"\"", end) && source.charAt(end - 1) != '\\')) {
                    end++;
                }
                literals.add(source.substring(i + 3, Math.min(end, n)).replace("\\\n", " "));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(source.substring(i + 1, Math.min(end, n)));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    static Map<String, ReadModel> readModels() {
        Map<String, ReadModel> views = new LinkedHashMap<>();
        Matcher m = DECLARED.matcher(migrations());
        while (m.find()) {
            Set<String> readers = new TreeSet<>();
            for (String reader : m.group(3).split(",")) {
                readers.add(reader.strip());
            }
            views.put(m.group(1), new ReadModel(m.group(1), m.group(2), readers));
        }
        return views;
    }

    private static String migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                all.append(Files.readString(file)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> owners(Map<String, List<String>> tablesByModule) {
        Map<String, String> owners = new LinkedHashMap<>();
        tablesByModule.forEach((module, tables) -> tables.forEach(table -> {
            String before = owners.put(table, module);
            assertThat(before).as(table + " has one owner").isNull();
        }));
        return owners;
    }
}
