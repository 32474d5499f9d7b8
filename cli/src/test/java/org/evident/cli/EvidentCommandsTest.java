package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands run in-process, as a user would type them, checking exit codes and what they print. */
class EvidentCommandsTest {
    private static final String BCF = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme").toString();

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result evident(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Evident.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path brokenProject() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(dir.resolve("evaluation.yaml"), "programme: Broken\nreporting_date: 2025-01-13\nperiods: {}\n");
        Files.writeString(dir.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: act, label: Deliver, stage: activity }
                links:
                  - { from: act, to: in }
                """);
        return dir;
    }

    @Test
    void help_listsTheCommands() {
        Result r = evident("--help");
        assertEquals(0, r.code());
        for (String command : new String[] {"run", "validate", "graph"}) {
            assertTrue(r.out().contains("  " + command + " "), command + " missing from:\n" + r.out());
        }
    }

    @Test
    void runHelp_fitsEightyColumns_keepsTheKeyPathWhole_andSaysEveryDefault() {
        Result r = evident("run", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), "no line wraps:\n" + r.out());
        assertTrue(r.out().contains("~/.config/evident/pseudonym.key"), r.out());
        assertTrue(r.out().contains("spark://HOST:PORT") && r.out().contains("history/ folder"), r.out());
        assertTrue(r.out().contains("be new, empty or an earlier Evident output (its"), r.out());
        // Every line of an option's description is short enough not to wrap (picocli breaks words at punctuation).
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("                           ")), "no wrapped line:\n" + r.out());
        // Each option's entry: its line (starting with a dash) and the indented lines after it.
        List<StringBuilder> entries = new java.util.ArrayList<>();
        boolean inOptions = false;
        for (String line : r.out().lines().toList()) {
            String stripped = line.strip();
            if (line.startsWith("  ") && stripped.startsWith("-")) {
                inOptions = true;
                entries.add(new StringBuilder(stripped));
            } else if (inOptions && line.startsWith("     ")) {
                entries.get(entries.size() - 1).append(' ').append(stripped);
            } else {
                inOptions = false;
            }
        }
        assertTrue(entries.size() >= 9, entries::toString);
        for (StringBuilder entry : entries) {
            boolean standard = entry.toString().startsWith("-h, --help") || entry.toString().startsWith("-V, --version");
            boolean required = entry.toString().startsWith("-o, --out");
            assertTrue(standard || required || entry.toString().contains("Default: "), "says its default: " + entry);
        }
    }

    @Test
    void run_masterWithoutSparkEngine_isAUsageError_beforeAnyWork() {
        Path out = tmp.resolve("out");
        Result r = evident("run", BCF, "--out", out.toString(), "--master", "local[2]");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("--master is for --engine spark"), r.err());
        assertTrue(Files.notExists(out));
        Result engine = evident("run", BCF, "--out", out.toString(), "--engine", "hadoop");
        assertEquals(2, engine.code());
        assertTrue(engine.err().contains("--engine"), engine.err());
    }

    @Test
    void validate_workedExample_exitsZeroAndCountsTheStages() {
        Result r = evident("validate", BCF);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid: Better Care Fund Support Programme 2023-25"), r.out());
        assertTrue(r.out().contains("8 short-term outcomes, 8 medium-term outcomes"), r.out());
    }

    @Test
    void validate_brokenProject_exitsThreeAndPointsAtTheLine() throws IOException {
        Result r = evident("validate", brokenProject().toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("toc.yaml:5:5: error: link 'act -> in' goes backwards (activity -> input)"), r.err());
        assertTrue(r.err().contains("invalid: 1 error"), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace without --stacktrace");
    }

    @Test
    void validate_withoutAProject_isAUsageError() {
        Result r = evident("validate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required parameter: '<project>'"), r.err());
    }

    @Test
    void validate_aFolderThatIsNotThere_isAUsageError() {
        Result r = evident("validate", tmp.resolve("nowhere").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a folder"), r.err());
    }

    @Test
    void graph_dotGoesToStandardOutput() {
        Result r = evident("graph", BCF, "--format", "dot");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("rankdir=LR"), r.out());
    }

    @Test
    void graph_svgOfTheContractView_isWellFormedXml() throws Exception {
        Path svg = tmp.resolve("contract.svg");
        Result r = evident("graph", BCF, "--format", "svg", "--view", "contract", "--out", svg.toString());
        assertEquals(0, r.code(), r.err());
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());
        String text = Files.readString(svg);
        assertTrue(text.contains("Funding"));
        assertFalse(text.contains("Strategy and planning"), "the contract view drops the strategy input");
    }

    @Test
    void graph_pngNeedsAFile() {
        Result r = evident("graph", BCF, "--format", "png");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format png needs --out FILE"), r.err());
    }

    @Test
    void graph_unknownView_isAUsageErrorNamingTheViews() {
        Result r = evident("graph", BCF, "--view", "contracts");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no view 'contracts'; the views are full, contract"), r.err());
    }

    @Test
    void run_workedExample_writesEveryOutput() throws IOException {
        Path out = tmp.resolve("out/bcf");
        // The key exists already, as on every run but the first (which adds its first-use message).
        org.evident.ingest.Pseudonymiser.fromEnvironment(System.getenv(), ProjectArgument.defaultKeyFile(), tmp);
        Result r = evident("run", BCF, "--out", out.toString(), "--history", tmp.resolve("history").toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("skipped"), r.err());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.size() <= 20, "a summary of at most 20 lines:\n" + r.err());
        assertFalse(r.err().contains("warning:"), "the worked example validates clean:\n" + r.err());
        assertTrue(r.err().contains("      data/discharges (21 files): 20872 rows read = 20852 accepted + 20 rejected\n"), r.err());
        assertFalse(r.err().contains("discharges-2023-04.csv"), "no file of the records folder by default:\n" + r.err());
        // 155 tracker + 38 survey + 49 KPI returns + 64 findings (56 about outcomes, 8 about assumption keys)
        // + 16 judgements + 12 lessons + 20,872 discharge records = 21,206 read; the 20 planted discharge errors rejected.
        assertTrue(r.err().contains("      total: 21206 rows read = 21186 accepted + 20 rejected"), r.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of("charts", "data_gaps.txt", "evidence.xlsx", "evident-manifest.txt", "personal_data.csv", "rejects.csv",
                    "report.docx", "report.html",
                    "report.pdf", "tables", "toc-contract.svg", "toc-full.svg", "toc.html", "toc.png", "toc.svg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(out.resolve("report.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        assertTrue(Files.readString(out.resolve("toc.svg")).startsWith("<?xml"));
        var png = ImageIO.read(out.resolve("toc.png").toFile());
        assertTrue(png.getWidth() > 1000, "width " + png.getWidth());
        try (var files = Files.list(tmp.resolve("out"))) {
            assertEquals(1, files.count(), "no temporary folder is left beside the output");
        }
    }

    @Test
    void run_verbose_listsEveryFileInOrder_quiet_printsNothing() {
        Result verbose = evident("run", BCF, "--out", tmp.resolve("verbose").toString(), "--history",
                tmp.resolve("history").toString(), "--verbose");
        assertEquals(0, verbose.code(), verbose.err());
        List<String> files = verbose.err().lines().filter(l -> l.contains("discharges-20")).map(String::strip).toList();
        assertEquals(21, files.size(), verbose.err());
        assertEquals(files.stream().sorted().toList(), files, "in file order, not thread order");
        assertTrue(files.get(0).startsWith("data/discharges/discharges-2023-04.csv: 950 rows read = "), files.get(0));

        Result quiet = evident("run", BCF, "--out", tmp.resolve("quiet").toString(), "--history",
                tmp.resolve("history").toString(), "--quiet");
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.err());
        assertEquals("", quiet.out());
        assertTrue(Files.exists(tmp.resolve("quiet/report.pdf")));
    }

    @Test
    void run_verboseAndQuietTogether_isAUsageError() {
        Result r = evident("run", BCF, "--out", tmp.resolve("out").toString(), "-v", "-q");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--verbose and --quiet cannot be used together"), r.err());
    }

    private Path projectWithARejectedRow() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rejecting"));
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Small programme
                reporting_date: 2025-01-13
                periods:
                  quarters: { from: 2024-25 Q1, to: 2024-25 Q3 }
                sources:
                  - { id: tracker, type: tracker, file: data/tracker.csv }
                """);
        Files.writeString(dir.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: out, label: Projects completed, stage: output }
                links:
                  - { from: in, to: out }
                indicators:
                  - { id: done, node: out, label: Completed, source: tracker, measure: local-projects-completed, unit: count }
                """);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/tracker.csv"), """
                project_id,offer,stage,local_system,region,completed_date
                P1,local,completed,Wirral,North West,2024-05-10
                P2,local,finished,Halton,North West,2024-06-01
                """);
        return dir;
    }

    @Test
    void run_printsTheReconciliation_andWritesRejects() throws IOException {
        Path out = tmp.resolve("small");
        Result r = evident("run", projectWithARejectedRow().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("data/tracker.csv: 2 rows read = 1 accepted + 1 rejected"), r.err());
        assertEquals("""
                source,file,row,column,value,reason,expected
                tracker,data/tracker.csv,3,stage,finished,unknown stage,"pipeline, active, completed or closed"
                """, Files.readString(out.resolve("rejects.csv")));
    }

    @Test
    void firstRun_createsTheKeyAndSaysSoOnce_keyShowsWhereAndItsFingerprint() throws Exception {
        String before = System.getProperty("evident.home");
        System.setProperty("evident.home", tmp.resolve("home").toString());
        try {
            Path keyFile = tmp.resolve("home/pseudonym.key");
            Result none = evident("key");
            assertEquals(1, none.code(), none.err());
            assertTrue(none.err().contains("no pseudonym key yet: the first 'evident run' creates " + keyFile), none.err());

            Path project = projectWithARejectedRow();
            Result first = evident("run", project.toString(), "--out", tmp.resolve("first").toString());
            assertEquals(0, first.code(), first.err());
            String key = Files.readString(keyFile).strip();
            String fingerprint = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 8);
            assertTrue(first.err().contains("evident: created the pseudonym key " + keyFile + " (fingerprint " + fingerprint
                    + ")."), first.err());
            assertTrue(first.err().contains("EVIDENT_PSEUDONYM_KEY_FILE=") && first.err().contains("EVIDENT_PSEUDONYM_KEY "),
                    first.err());
            assertFalse(first.err().contains(key), "never the key itself");

            Result second = evident("run", project.toString(), "--out", tmp.resolve("second").toString());
            assertEquals(0, second.code(), second.err());
            assertFalse(second.err().contains("created the pseudonym key"), "only once:\n" + second.err());

            Result shown = evident("key");
            assertEquals(0, shown.code(), shown.err());
            assertEquals("pseudonym key: " + keyFile + "\nfingerprint:   " + fingerprint
                    + " (the first 16 hex digits of the key's SHA-256)\n", shown.out().replace(System.lineSeparator(), "\n"));
            assertFalse(shown.out().contains(key));
        } finally {
            if (before == null) {
                System.clearProperty("evident.home");
            } else {
                System.setProperty("evident.home", before);
            }
        }
    }

    @Test
    void run_failOnReject_exitsThree_afterWritingTheRejects() throws IOException {
        Path out = tmp.resolve("strict");
        Result r = evident("run", projectWithARejectedRow().toString(), "--out", out.toString(), "--fail-on-reject");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("1 row rejected and --fail-on-reject is set"), r.err());
        assertTrue(Files.exists(out.resolve("rejects.csv")));
    }

    @Test
    void run_storedHistoryWithAnUnknownGrade_exitsThree_namingTheSnapshotAndLine() throws IOException {
        Path history = Files.createDirectories(tmp.resolve("history"));
        Path snapshot = Files.writeString(history.resolve("evidence-2024-12-31.csv"), """
                node,period,grade,rule
                st-a,2024-25 Q3,Good evidence,supported
                """);
        Path out = tmp.resolve("not-written");
        Result r = evident("run", projectWithARejectedRow().toString(), "--out", out.toString(), "--history", history.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(snapshot + ":2:0: error: evidence history: unknown grade 'Good evidence'; expected limited,"
                + " some, strongest"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void run_invalidProject_exitsThreeAndLeavesThePreviousOutputAlone() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("previous"));
        Files.writeString(out.resolve("keep.txt"), "earlier run");
        Result r = evident("run", brokenProject().toString(), "--out", out.toString());
        assertEquals(3, r.code());
        assertEquals("earlier run", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void run_outIsTheProjectFolder_exitsTwo_andDeletesNothing() throws IOException {
        Path project = projectWithARejectedRow();
        Result r = evident("run", project.toString(), "--out", project.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("evident: --out " + project + ": is a folder evident reads or keeps: " + project), r.err());
        assertTrue(Files.exists(project.resolve("evaluation.yaml")));
        assertTrue(Files.exists(project.resolve("data/tracker.csv")));
        Result parent = evident("run", project.toString(), "--out", tmp.toString());
        assertEquals(2, parent.code(), parent.err());
        assertTrue(parent.err().contains(": contains a folder evident reads or keeps"), parent.err());
        assertTrue(Files.exists(project.resolve("toc.yaml")));
    }

    @Test
    void run_outIsAFolderOfSomethingElse_exitsTwo_andAnEarlierOutputIsReplaced() throws IOException {
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        Files.writeString(scratch.resolve("letter.odt"), "unrelated");
        Result r = evident("run", projectWithARejectedRow().toString(), "--out", scratch.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("not written by evident"), r.err());
        assertEquals("unrelated", Files.readString(scratch.resolve("letter.odt")));

        Path out = tmp.resolve("out");
        assertEquals(0, evident("run", projectWithARejectedRow().toString(), "--out", out.toString()).code());
        Result again = evident("run", projectWithARejectedRow().toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
    }

    @Test
    void run_sourceOutsideTheProject_exitsThree_unlessAllowed() throws IOException {
        Path project = projectWithARejectedRow();
        Files.writeString(tmp.resolve("elsewhere.csv"), Files.readString(project.resolve("data/tracker.csv")));
        Files.writeString(project.resolve("evaluation.yaml"), Files.readString(project.resolve("evaluation.yaml"))
                .replace("file: data/tracker.csv", "file: ../elsewhere.csv"));
        Result r = evident("validate", project.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("error: source tracker file: ../elsewhere.csv is outside the project folder; evident"
                + " reads and writes only inside it unless run with --allow-outside-project"), r.err());
        Result allowed = evident("run", project.toString(), "--allow-outside-project", "--out", tmp.resolve("out").toString());
        assertEquals(0, allowed.code(), allowed.err());
    }
}
