package org.evident.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Finds personal data in free text and replaces it with a placeholder ({@code [name]}, {@code [email]},
 * {@code [phone]}, {@code [NHS number]}, {@code [postcode]}, {@code [url]}). Ingest applies it to every
 * free-text cell as the cell is read ({@link Row#freeText}), so every later table, chart and report
 * sees the redacted text only; the input files are never written.
 *
 * <p>What it finds:
 * <ul>
 * <li>e-mail addresses;</li>
 * <li>phone numbers, by Google's libphonenumber with the UK as the default region: mobiles and landlines,
 *     {@code +44} and {@code 0} forms, spaces, dashes and brackets, and international numbers written with
 *     {@code +}; only numbers valid in the numbering plan (leniency VALID), so a date or an amount is not one;</li>
 * <li>NHS numbers: 10 digits, together or as 3-3-4 with spaces or dashes, whose tenth digit is the
 *     Modulus 11 check digit of the first nine (weights 10 to 2; 11 minus the remainder, 11 read as 0,
 *     10 never valid); 10 digits that fail the check are not an NHS number;</li>
 * <li>full UK postcodes, in the format of the Government Data Standards Catalogue (outward code, an
 *     optional space, inward code; any case); an outward code alone ("NE1", "M1") is not flagged, see
 *     {@link #POSTCODE};</li>
 * <li>web addresses whose path points at a person (see {@link #personalUrl});</li>
 * <li>names: every name of the project's list, as a whole, in any case, and each of its words of three or
 *     more letters (a one-word name: that word) when it starts with a capital letter; and the capitalised
 *     words after a title (Mr, Mrs, Ms, Miss, Mx, Dr, Cllr, Prof, with or without a full stop), which are
 *     redacted while the title stays ("Dr [name]").</li>
 * </ul>
 * Where two finds overlap, the first in the order above wins.
 */
public final class Redactor {
    /** An address, bounded so that "name@example.org." leaves the full stop. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+-]+(?:'[\\p{L}\\p{N}._%+-]+)*@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}(?![\\p{L}\\p{N}-])");
    /** 10 digits, or 3-3-4 with the same space or dash twice, not inside a longer run of letters or digits. */
    private static final Pattern NHS_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\d{3})([ -]?)(\\d{3})\\2(\\d{4})(?![\\p{L}\\p{N}])");
    /**
     * A full postcode (Government Data Standards Catalogue, as the ONS and Wikipedia give it). An outward code
     * alone is not matched: a postcode district holds about ten thousand addresses, and "M1", "A1", "B12" or
     * "SW1" are far more often a motorway, a road, a vitamin or a paper size than an address.
     */
    private static final Pattern POSTCODE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:GIR ?0AA|(?:[A-PR-UWYZ][0-9]{1,2}"
            + "|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9]"
            + "[ABD-HJLNP-UW-Z]{2})(?![\\p{L}\\p{N}])");
    private static final Pattern URL = Pattern.compile("(?i)(?<![\\p{L}\\p{N}@.])(?:https?://|www\\.|(?:[a-z0-9-]+\\.)*"
            + "(?:linkedin|facebook|twitter|instagram|tiktok|github|youtube|x)\\.com/)[^\\s<>\"]+");
    private static final Pattern SOCIAL_HOST = Pattern.compile(
            "(?i)(?:^|\\.)(?:linkedin|facebook|fb|twitter|x|instagram|tiktok|github|youtube|threads|medium|bsky)\\.(?:com|net|app|me)$");
    /** Path parts that point at a person on any site. */
    private static final Pattern PERSONAL_PATH = Pattern.compile(
            "(?i)/(?:~|@|in/|pub/|users?/|u/|profiles?/|people/|person/|staff/|members?/|author/)");
    private static final String TITLE = "(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Prof)\\.?";
    /**
     * A capitalised word (O'Neill, Smith-Jones), or an initial with its full stop or before such a word, after a
     * title; up to three of them. A capital letter alone is not an initial: "the Dr I saw" is the pronoun.
     */
    private static final String NAME_WORD = "\\p{Lu}(?:[\\p{L}'\u2019-]*\\p{Ll}|\\.|(?=[ \\t]+\\p{Lu}[\\p{L}'\u2019-]*\\p{Ll}))";
    private static final Pattern TITLED_NAME = Pattern.compile("(?<![\\p{L}])" + TITLE + "[ \\t]+(" + NAME_WORD
            + "(?:[ \\t]+" + NAME_WORD + "){0,2})(?![\\p{L}])");

    /**
     * libphonenumber, made when the first free text is redacted, not when the class loads: it logs
     * through java.util.logging, whose start makes the JDK look for a logging service in every jar
     * of the class path (about 0.1 s), and a project of records alone has no free text.
     */
    private static final class Phones {
        static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    }

    private final List<String> names;
    /** Every listed name and its words, longest first, as one alternation; empty without a list. */
    private final Pattern listed;
    /** The listed names as written, lower-cased: a match of one of these is taken in any case. */
    private final java.util.Set<String> wholeNames;

    private Redactor(List<String> names) {
        this.names = List.copyOf(names);
        this.wholeNames = names.stream().map(n -> normal(n)).collect(Collectors.toSet());
        java.util.Set<String> alternatives = new java.util.TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (String name : names) {
            alternatives.add(name);
            String[] words = name.split("[ .]+");
            for (String word : words) {
                if (words.length == 1 || word.codePoints().filter(Character::isLetter).count() >= 3) {
                    alternatives.add(word);
                }
            }
        }
        this.listed = alternatives.isEmpty() ? null : Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:" + alternatives.stream()
                .map(a -> Pattern.quote(a).replace(" ", "\\E\\s+\\Q")).collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}])");
    }

    /** A redactor with the project's list of names (none: titles and the other kinds only). */
    public static Redactor of(List<String> names) {
        return new Redactor(names);
    }

    /** One find: characters {@code start} (inclusive) to {@code end} (exclusive) of the original text. */
    public record Match(PersonalDataKind kind, int start, int end) {
    }

    /**
     * A text after redaction.
     *
     * @param text    the text with every find replaced by its kind's placeholder
     * @param matches the finds, in the order they occur in the original
     * @param share   the share of the original's characters (surrounding blanks left out) that was redacted, 0 to 1
     */
    public record Redacted(String text, List<Match> matches, double share) {
        public Redacted {
            Objects.requireNonNull(text, "text");
            matches = List.copyOf(matches);
        }
    }

    /** Finds and replaces every piece of personal data in {@code text}. */
    public Redacted redact(String text) {
        List<Match> found = new ArrayList<>();
        regex(EMAIL, text, PersonalDataKind.EMAIL, found);
        urls(text, found);
        nhsNumbers(text, found);
        phones(text, found);
        regex(POSTCODE, text, PersonalDataKind.POSTCODE, found);
        titledNames(text, found);
        listedNames(text, found);
        if (found.isEmpty()) {
            return new Redacted(text, List.of(), 0);
        }
        found.sort(Comparator.comparingInt(Match::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        int redacted = 0;
        for (Match m : found) {
            out.append(text, at, m.start()).append(m.kind().placeholder());
            at = m.end();
            redacted += m.end() - m.start();
        }
        out.append(text, at, text.length());
        int length = text.strip().length();
        return new Redacted(out.toString(), found, length == 0 ? 0 : Math.min(1, (double) redacted / length));
    }

    /** Adds a find unless it overlaps one found before (by a kind earlier in the order). */
    private static void add(List<Match> found, PersonalDataKind kind, int start, int end) {
        for (Match m : found) {
            if (start < m.end() && m.start() < end) {
                return;
            }
        }
        found.add(new Match(kind, start, end));
    }

    private static void regex(Pattern pattern, String text, PersonalDataKind kind, List<Match> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            add(found, kind, m.start(), m.end());
        }
    }

    private void urls(String text, List<Match> found) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
            int end = m.end();
            // A sentence's full stop or closing bracket after an address is not part of it.
            while (end > m.start() && ".,;:!?)]}'\u2019\"".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (personalUrl(text.substring(m.start(), end))) {
                add(found, PersonalDataKind.URL, m.start(), end);
            }
        }
    }

    /**
     * Whether a web address points at a person: a path on a social network or code host (a profile or a
     * post: linkedin.com/in/..., x.com/...), a path with a personal part on any site ({@code /~jane},
     * {@code /@jane}, {@code /users/}, {@code /profile/}, {@code /people/}, {@code /staff/}...), an address
     * holding an e-mail address, or one holding a listed name (jane-smith, jane.smith, janesmith). An
     * organisation's page (www.nhs.uk/conditions/...) is left as it is.
     */
    boolean personalUrl(String url) {
        String rest = url.replaceFirst("(?i)^https?://", "");
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash)).replaceFirst(":\\d+$", "");
        String path = slash < 0 ? "" : rest.substring(slash);
        if (path.replaceAll("[/?#]+$", "").isEmpty()) {
            return false;
        }
        if (SOCIAL_HOST.matcher(host).find() || PERSONAL_PATH.matcher(path).find() || path.contains("@")) {
            return true;
        }
        String squeezed = path.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", ""))
                .anyMatch(n -> n.length() >= 5 && squeezed.contains(n));
    }

    private static void nhsNumbers(String text, List<Match> found) {
        Matcher m = NHS_NUMBER.matcher(text);
        while (m.find()) {
            if (validNhsNumber(m.group(1) + m.group(3) + m.group(4))) {
                add(found, PersonalDataKind.NHS_NUMBER, m.start(), m.end());
            }
        }
    }

    /**
     * The NHS number's Modulus 11 check (NHS Data Dictionary): the first nine digits weighted 10 down to 2
     * and summed; 11 minus the sum's remainder by 11 is the check digit, 11 meaning 0; a result of 10 means
     * no valid number has these nine digits.
     */
    static boolean validNhsNumber(String tenDigits) {
        if (!tenDigits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }

    private static void phones(String text, List<Match> found) {
        for (PhoneNumberMatch m : Phones.UTIL.findNumbers(text, "GB", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            add(found, PersonalDataKind.PHONE, m.start(), m.end());
        }
    }

    private static void titledNames(String text, List<Match> found) {
        Matcher m = TITLED_NAME.matcher(text);
        while (m.find()) {
            add(found, PersonalDataKind.NAME, m.start(1), m.end(1));
        }
    }

    private void listedNames(String text, List<Match> found) {
        if (listed == null) {
            return;
        }
        Matcher m = listed.matcher(text);
        while (m.find()) {
            // A whole listed name counts in any case; one of its words only when capitalised, so the
            // surname "Hall" is found and the word "hall" is not.
            if (wholeNames.contains(normal(m.group())) || Character.isUpperCase(m.group().codePointAt(0))) {
                add(found, PersonalDataKind.NAME, m.start(), m.end());
            }
        }
    }

    private static String normal(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
