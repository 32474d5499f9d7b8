package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example carries planted personal data in its free text (evaluation.yaml's personal_data and the
 * comments beside it): names of its list, e-mail addresses, a phone number, an NHS number and a postcode, in a
 * finding's quote, two survey comments and a lesson's recommendation. None of it may be in any file `evident
 * run` writes: every file is read as a reader would get at its text, the workbook and the Word report unzipped
 * (every XML part, with and without its tags, since Word may split a sentence into runs), the PDF through
 * pdftotext. The PNG pictures (files, zip parts and base64 in report.html) are drawn from labels and numbers
 * only, and are not read.
 */
class PersonalDataOutputsTest {
    private static final String BCF = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme").toString();
    /** What was planted, as typed in the data files; the digits are also looked for with every space removed. */
    private static final List<String> PLANTED = List.of("Priya", "Raman", "Tom Baxter", "Baxter", "Okafor",
            "priya.raman@example.nhs.uk", "sam.okafor@example.org", "@example", "020 7946 0958", "02079460958",
            "943 476 5919", "9434765919", "BA1 1LN", "BA11LN");

    @TempDir
    static Path tmp;

    private static Path out;
    private static int code;
    private static String err;

    @BeforeAll
    static void run() {
        out = tmp.resolve("out");
        StringWriter errors = new StringWriter();
        code = Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(errors), "run", BCF, "--out", out.toString(),
                "--history", tmp.resolve("history").toString());
        err = errors.toString();
    }

    @Test
    void noPlantedPersonalData_inAnyOutputFile_butItsPlaceholdersAreThere() throws IOException, InterruptedException {
        assertEquals(0, code, err);
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = out.relativize(file).toString();
                if (name.endsWith(".png")) {
                    continue;
                }
                texts.put(name, text(file));
            }
        }
        assertTrue(texts.keySet().containsAll(List.of("report.pdf", "report.docx", "report.html", "evidence.xlsx", "toc.html",
                "toc.svg", "personal_data.csv", "rejects.csv", "tables/lessons.csv", "tables/themes.csv")), texts.keySet().toString());
        List<String> found = new ArrayList<>();
        texts.forEach((name, text) -> {
            String squeezed = text.replaceAll("\\s+", "");
            String lower = text.toLowerCase(Locale.ROOT);
            for (String planted : PLANTED) {
                if (lower.contains(planted.toLowerCase(Locale.ROOT)) || squeezed.contains(planted.replace(" ", ""))) {
                    found.add(name + ": " + planted);
                }
            }
        });
        assertEquals(List.of(), found);
        // The redacted text did reach the outputs, so the search above looked where the data would have been.
        for (String file : List.of("report.pdf", "report.docx", "report.html")) {
            String text = texts.get(file).replaceAll("\\s+", " ");
            assertTrue(text.contains("Contact: [name], [email]."), file);
            assertTrue(text.contains("Ring [name] on [phone] or write to him at [postcode]."), file);
            assertTrue(text.contains("Dr [name] ([email]) has offered to lead this."), file);
        }
        assertTrue(texts.get("evidence.xlsx").contains("Dr [name] ([email]) has offered to lead this."), "the Lessons sheet");
        assertTrue(texts.get("tables/lessons.csv").contains("Dr [name] ([email]) has offered to lead this."));
    }

    @Test
    void personalDataCsv_saysWhereEachFindWas_countedByHand() throws IOException {
        assertEquals(0, code, err);
        // Positions from 1, counted in the cells as planted: in survey row 11 (BCF-LEAD-10), "Peer learning ... ideally
        // regional. Ring " is 77 characters, so Tom Baxter starts at 78, "020 7946 0958" at 92 and "BA1 1LN" at 125; in
        // row 20 (BCF-LEAD-19) the NHS number starts at 119; in findings row 6 (F-007) "Priya Raman" at 91 and the
        // address at 104; in lessons row 3 (wider-partners) "Sam Okafor" after "Dr " at 119 and the address at 131.
        // The survey comes first: evaluation.yaml lists it before the findings and lessons.
        assertEquals("""
                file,row,column,kind,position
                data/survey_leads_phase3.csv,11,Any other comments,name,78
                data/survey_leads_phase3.csv,11,Any other comments,phone,92
                data/survey_leads_phase3.csv,11,Any other comments,postcode,125
                data/survey_leads_phase3.csv,20,Any other comments,nhs_number,119
                data/findings.csv,6,quote,name,91
                data/findings.csv,6,quote,email,104
                data/lessons.csv,3,recommendation,name,119
                data/lessons.csv,3,recommendation,email,131
                """, Files.readString(out.resolve("personal_data.csv"), StandardCharsets.UTF_8));
        assertTrue(err.contains("      personal data redacted from free text: 3 names, 2 e-mail addresses, 1 phone number,"
                + " 1 NHS number, 1 postcode (where: personal_data.csv)\n"), err);
    }

    @Test
    void failOnPersonalData_exitsThree_afterWritingEveryOutputRedacted() throws IOException {
        Path strict = tmp.resolve("strict");
        StringWriter errors = new StringWriter();
        int exit = Evident.execute(new PrintWriter(new StringWriter()), new PrintWriter(errors), "run", BCF, "--out",
                strict.toString(), "--history", tmp.resolve("history-strict").toString(), "--fail-on-personal-data");
        assertEquals(3, exit, errors.toString());
        assertTrue(errors.toString().contains("evident: personal data found in free text (3 names, 2 e-mail addresses, 1 phone"
                + " number, 1 NHS number, 1 postcode) and --fail-on-personal-data is set"), errors.toString());
        assertEquals(Files.readString(out.resolve("personal_data.csv")), Files.readString(strict.resolve("personal_data.csv")));
        assertFalse(Files.readString(strict.resolve("report.html")).contains("Okafor"));
    }

    /** What a reader of the file gets: the PDF's text, every XML part of a zip, or the file as UTF-8. */
    private static String text(Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        if (name.endsWith(".pdf")) {
            Path txt = tmp.resolve("report.txt");
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), txt.toString()).inheritIO().start();
            assertEquals(0, p.waitFor());
            // NFKC: the PDF's font sets "ff" as a ligature, which pdftotext gives back as one character.
            return java.text.Normalizer.normalize(Files.readString(txt, StandardCharsets.UTF_8), java.text.Normalizer.Form.NFKC);
        }
        if (name.endsWith(".docx") || name.endsWith(".xlsx")) {
            StringBuilder all = new StringBuilder();
            try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (!e.getName().endsWith(".xml") && !e.getName().endsWith(".rels")) {
                        continue; // pictures (charts, the diagram) hold no text
                    }
                    String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    all.append(xml).append('\n').append(unescape(xml.replaceAll("<[^>]+>", "")))
                            .append('\n');
                }
            }
            return all.toString();
        }
        // Pictures embedded as base64 (report.html's charts) are not text: by chance they hold any short word.
        return unescape(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("data:[a-z/+]+;base64,[A-Za-z0-9+/=]+", "");
    }

    /** XML's and HTML's character references as the writers use them, back to characters. */
    private static String unescape(String xml) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    Character.toString(Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
        }
        m.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
