package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evident.analysis.PublishedTable;
import org.evident.analysis.PublishedTable.Cell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * toc.html of the worked example opened in a real headless Chromium (Debian's {@code chromium},
 * which ./test.sh installs), driven over the Chrome DevTools protocol: the page is loaded from
 * the file, a node is clicked with the mouse, and the panel is read back as the browser shows it.
 */
class TocHtmlBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Chromium's profile and log: under target/, not a JUnit temporary folder, because Chromium's helper
     * processes can still be writing into the profile as JUnit deletes its folder, which then fails the class.
     */
    private static Path tmp;

    private static ReportInput input;
    private static Path html;
    private static Process chromium;
    private static DevTools page;

    @BeforeAll
    static void open() throws Exception {
        input = BcfInput.read(List.of());
        // Kept to look at: reports/target/toc-html-preview/.
        Path preview = Files.createDirectories(Path.of("target", "toc-html-preview"));
        html = preview.resolve("toc.html").toAbsolutePath();
        Files.writeString(html, TocHtml.of(input), StandardCharsets.UTF_8);
        tmp = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-");
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=1600,1000", "about:blank")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        // Chromium writes the port it chose, and its browser endpoint, into the profile.
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(activePort) || Files.readAllLines(activePort).size() < 2) {
            if (System.nanoTime() > deadline || !chromium.isAlive()) {
                throw new IllegalStateException("chromium did not start: " + Files.readString(tmp.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(activePort).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        String pageSocket = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.get("type").asText())) {
                pageSocket = target.get("webSocketDebuggerUrl").asText();
            }
        }
        page = new DevTools(http, URI.create(pageSocket));
        page.send("Page.enable", Map.of());
        page.send("Page.navigate", Map.of("url", html.toUri().toString()));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"complete".equals(page.evaluate("document.readyState"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("toc.html did not load");
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (chromium != null) {
            // The renderer, zygote and crash handler first: destroy() reaches only the browser process.
            List<ProcessHandle> helpers = chromium.descendants().toList();
            chromium.destroy();
            helpers.forEach(ProcessHandle::destroy);
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
            for (ProcessHandle helper : helpers) {
                try {
                    helper.onExit().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    helper.destroyForcibly();
                }
            }
        }
    }

    @Test
    void theFileNeedsNoNetwork() throws Exception {
        String text = Files.readString(html);
        // The only URL is the SVG namespace, a name rather than a place to fetch.
        String rest = text.replace("http://www.w3.org/2000/svg", "");
        assertFalse(rest.contains("http://") || rest.contains("https://") || rest.contains("src=") || rest.contains("<link"),
                "toc.html refers to something outside itself");
        assertEquals("0", page.evaluate("String(performance.getEntriesByType('resource').length)"));
    }

    @Test
    void clickingANode_showsItsGradeAndItsEvidenceItems() throws Exception {
        PublishedTable evidence = input.table("evidence");
        List<Cell> latest = null;
        for (List<Cell> row : evidence.rows()) {
            if (row.get(evidence.columnIndex("node")).csv().equals("st-buy-in")) {
                latest = row;
            }
        }
        String grade = latest.get(evidence.columnIndex("grade")).csv();
        String firstItem = latest.get(evidence.columnIndex("items")).csv().split(" ")[0];

        click("g.node[data-node=\"st-buy-in\"] rect");
        String panel = page.evaluate("document.getElementById('panel').innerText");
        Files.write(Path.of("target", "toc-html-preview", "clicked.png"), page.screenshot());
        assertTrue(panel.contains("Improved buy-in"), panel);
        assertTrue(panel.contains(grade), "grade " + grade + " not in the panel: " + panel);
        assertTrue(panel.contains(firstItem), "item " + firstItem + " not in the panel: " + panel);
        assertTrue(panel.contains("Pathway"), panel);
    }

    @Test
    void choosingAPeriod_recoloursTheNodes() throws Exception {
        PublishedTable evidence = input.table("evidence");
        int node = evidence.columnIndex("node");
        List<Cell> first = evidence.rows().stream().filter(r -> r.get(node).csv().equals("st-buy-in")).findFirst().orElseThrow();
        String period = first.get(evidence.columnIndex("period")).csv();
        java.util.Optional<org.evident.toc.Grade> grade = ((PublishedTable.GradeCell) first.get(evidence.columnIndex("grade"))).grade();
        page.evaluate("(() => { const s = document.getElementById('period'); s.value = '" + period + "';"
                + " s.dispatchEvent(new Event('change')); return ''; })()");
        assertEquals(GradeColours.fill(grade),
                page.evaluate("document.querySelector('g.node[data-node=\"st-buy-in\"] rect').getAttribute('fill')"));
        page.evaluate("(() => { const s = document.getElementById('period'); s.value = s.options[s.options.length - 1].value;"
                + " s.dispatchEvent(new Event('change')); return ''; })()");
    }

    @Test
    void pointingAtALink_showsItsAssumptions() throws Exception {
        // The first link with keys, at the middle of its route, in the page's coordinates.
        int index = input.project().theoryOfChange().links().indexOf(input.project().theoryOfChange().links().stream()
                .filter(l -> !l.keys().isEmpty()).findFirst().orElseThrow());
        String at = page.evaluate("(() => { const p = document.querySelector('path.hit[data-link=\"" + index + "\"]');"
                + " p.scrollIntoView({block: 'center', inline: 'center'});"
                + " const q = p.getPointAtLength(p.getTotalLength() / 2).matrixTransform(p.getScreenCTM());"
                + " return q.x + ',' + q.y; })()");
        String[] xy = at.split(",");
        page.send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", Double.parseDouble(xy[0]),
                "y", Double.parseDouble(xy[1])));
        String tip = page.evaluate("document.getElementById('tip').innerText");
        assertTrue(tip.contains("Key "), tip);
        assertTrue(tip.contains("assumption: ") || tip.contains("risk: "), tip);
        // Each key shown carries its status at the period selected, as tables/assumptions.csv has it. (The
        // pointer at a route's middle can sit where another keyed link runs too, so the keys are read off the tip.)
        String period = page.evaluate("document.getElementById('period').value");
        List<String> keyLines = tip.lines().filter(l -> l.startsWith("Key ")).toList();
        assertFalse(keyLines.isEmpty(), tip);
        for (String line : keyLines) {
            String key = line.substring(4, line.indexOf(' ', 4));
            String state = input.analysis().assumptions().stream().filter(s -> s.key().key().equals(key) && s.period().equals(period))
                    .findFirst().orElseThrow(() -> new AssertionError("no status of " + key + " at " + period)).state().label();
            assertEquals("Key " + key + " (" + state + " at " + period + ")", line);
        }
    }

    /** A real mouse click at the middle of the element, scrolled into view first. */
    private static void click(String selector) throws Exception {
        String at = page.evaluate("(() => { const e = document.querySelector('" + selector.replace("'", "\\'") + "');"
                + " e.scrollIntoView({block: 'center', inline: 'center'}); const r = e.getBoundingClientRect();"
                + " return (r.x + r.width / 2) + ',' + (r.y + r.height / 2); })()");
        String[] xy = at.split(",");
        for (String type : List.of("mousePressed", "mouseReleased")) {
            page.send("Input.dispatchMouseEvent", Map.of("type", type, "x", Double.parseDouble(xy[0]), "y",
                    Double.parseDouble(xy[1]), "button", "left", "clickCount", 1));
        }
    }

    /** One DevTools protocol session over a WebSocket: a command, then its answer by id. */
    private static final class DevTools implements WebSocket.Listener {
        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        DevTools(HttpClient http, URI uri) {
            this.socket = http.newWebSocketBuilder().buildAsync(uri, this).join();
        }

        JsonNode send(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            answers.put(id, answer);
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
            JsonNode reply = answer.get(30, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        }

        /** The value of a JavaScript expression, as a string. */
        String evaluate(String expression) throws Exception {
            JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
            }
            return result.get("result").path("value").asText();
        }

        byte[] screenshot() throws Exception {
            return Base64.getDecoder().decode(send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = answers.remove(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
