package org.evident.toc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks the names of {@code personal_data:} (the {@code names:} list and the lines of {@code names_file:}):
 * a name is letters, with spaces, hyphens, apostrophes or full stops between them, at least two letters;
 * anything else is an error at its line, since a typo there would leave a real name in the report. A name
 * given twice, or one that is also a common English word (it is then redacted wherever that word is
 * capitalised), is a warning.
 */
final class PersonalDataNames {
    private static final Pattern NAME = Pattern.compile("\\p{L}+(?:[ '\u2019.-]+\\p{L}+)*\\.?");
    /** Given names and surnames that are also words a comment may start a sentence with. */
    private static final Set<String> COMMON_WORDS = Set.of("may", "june", "april", "august", "will", "bill", "mark", "grace",
            "hope", "faith", "joy", "rose", "dawn", "summer", "holly", "ivy", "penny", "frank", "rich", "don", "ray", "art",
            "sunny", "chase", "hunter", "cliff", "brook", "lane", "page", "long", "young", "green", "brown", "white", "black",
            "hall", "king", "care", "ward", "nurse", "doctor", "sister", "matron", "carer", "best", "well");

    private final YamlFile yaml;
    /** Lower-cased name to the name as first written. */
    private final Map<String, String> names = new LinkedHashMap<>();

    PersonalDataNames(YamlFile yaml) {
        this.yaml = yaml;
    }

    /** A name from the {@code names:} list. */
    void add(String name, Node at) {
        check(name).ifPresentOrElse(reason -> yaml.error(at, "personal_data names: '" + name + "' " + reason),
                () -> keep(name).ifPresent(warning -> yaml.warning(at, "personal_data names: '" + name + "' " + warning)));
    }

    /** The names of a file, one per line; blank lines and lines starting with '#' are skipped. */
    void readFile(Node at, String shown, Path file) {
        if (!Files.isRegularFile(file)) {
            yaml.error(at, "personal_data names_file: " + shown + " does not exist (a text file of names, one per line,"
                    + " relative to the project folder)");
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            yaml.error(at, "personal_data names_file: " + shown + " cannot be read as UTF-8 text: " + e.getMessage());
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            int line = i + 1;
            check(name).ifPresentOrElse(
                    reason -> yaml.problems().add(new Problem(Problem.Severity.ERROR, file.toString(), line, 1,
                            "'" + name + "' " + reason)),
                    () -> keep(name).ifPresent(warning -> yaml.problems().add(new Problem(Problem.Severity.WARNING,
                            file.toString(), line, 1, "'" + name + "' " + warning))));
        }
    }

    /** Why {@code name} cannot be a name, if it cannot. */
    private static java.util.Optional<String> check(String name) {
        if (!NAME.matcher(name).matches()) {
            return java.util.Optional.of("is not a name: expected letters, with spaces, hyphens, apostrophes or full stops"
                    + " between them (no digits, commas or other signs; one name per entry)");
        }
        if (name.codePoints().filter(Character::isLetter).count() < 2) {
            return java.util.Optional.of("is too short to be a name: at least two letters");
        }
        return java.util.Optional.empty();
    }

    /** Keeps a checked name; a warning when it was there already or is a common word. */
    private java.util.Optional<String> keep(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (names.putIfAbsent(key, name) != null) {
            return java.util.Optional.of("is listed twice");
        }
        List<String> common = new ArrayList<>();
        for (String word : key.split("[ '\u2019.-]+")) {
            if (COMMON_WORDS.contains(word)) {
                common.add(word);
            }
        }
        return common.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("holds a common English word ("
                + String.join(", ", common) + "), which will be redacted wherever it starts with a capital letter");
    }

    List<String> names() {
        return List.copyOf(names.values());
    }
}
