package org.evident.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds columns by name, never by position: headers match ignoring case, spaces, underscores
 * and hyphens, and a canonical name also matches the aliases declared for it.
 */
final class ColumnMap {
    private final List<String> header;
    /**
     * The canonical names found, and the position of each in the header. Arrays, not a map: a
     * row of a record-level file looks up every column it reads by its canonical name, and the
     * names are constants, so a scan comparing references finds them faster than hashing does.
     */
    private final String[] names;
    private final int[] positions;

    private ColumnMap(List<String> header, Map<String, Integer> found) {
        this.header = header;
        this.names = found.keySet().toArray(String[]::new);
        this.positions = found.values().stream().mapToInt(Integer::intValue).toArray();
    }

    static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-' && c != '\uFEFF') {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Resolves the wanted columns (canonical name to whether it is required) in {@code header}.
     *
     * @throws DataFileException naming the missing required columns and the columns that are there
     */
    static ColumnMap resolve(Path file, long headerRow, List<String> header, Map<String, Boolean> wanted,
                             Map<String, List<String>> aliases) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = normalise(header.get(i));
            if (key.isEmpty()) {
                continue;
            }
            Integer earlier = byName.putIfAbsent(key, i);
            if (earlier != null && wanted.keySet().stream().anyMatch(w -> names(w, aliases).contains(key))) {
                throw new DataFileException(file, headerRow, "has two columns that both read as '" + header.get(i)
                        + "' (columns " + (earlier + 1) + " and " + (i + 1) + "); rename one");
            }
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Boolean> want : wanted.entrySet()) {
            Integer found = null;
            for (String name : names(want.getKey(), aliases)) {
                found = byName.get(name);
                if (found != null) {
                    break;
                }
            }
            if (found != null) {
                positions.put(want.getKey(), found);
            } else if (want.getValue()) {
                missing.add(want.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFileException(file, headerRow, "has no column " + quoted(missing)
                    + " (names match ignoring case, spaces, _ and -; declare other names under 'columns:' in evaluation.yaml);"
                    + " the columns are " + quoted(header));
        }
        return new ColumnMap(header, positions);
    }

    private static List<String> names(String canonical, Map<String, List<String>> aliases) {
        List<String> names = new ArrayList<>();
        names.add(normalise(canonical));
        aliases.getOrDefault(canonical, List.of()).forEach(a -> names.add(normalise(a)));
        return names;
    }

    private static String quoted(Collection<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    boolean has(String canonical) {
        return position(canonical) >= 0;
    }

    /** The trimmed cell of {@code canonical} in {@code cells}, "" when the column or cell is absent. */
    String cell(List<String> cells, String canonical) {
        int i = position(canonical);
        return i < 0 || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).strip();
    }

    /** Where {@code canonical} is in the header, or -1: by reference first, then by value. */
    private int position(String canonical) {
        for (int n = 0; n < names.length; n++) {
            if (names[n] == canonical) {
                return positions[n];
            }
        }
        for (int n = 0; n < names.length; n++) {
            if (names[n].equals(canonical)) {
                return positions[n];
            }
        }
        return -1;
    }

    /** The header as written in the file, for messages. */
    String header(String canonical) {
        int i = position(canonical);
        return i < 0 ? canonical : header.get(i);
    }
}
