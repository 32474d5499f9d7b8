package org.evident.diagram;

/** The project's one XML escape, for the diagram's SVG and the report's XHTML and chart SVGs. */
public final class Xml {
    private Xml() {
    }

    /**
     * {@code text} escaped for XML content and attribute values ({@code & < > " '} as
     * {@code &amp; &lt; &gt; &quot; &#39;}, the apostrophe as HTML reads it too), without the
     * characters XML 1.0 cannot hold: control characters other than tab, newline and carriage
     * return are dropped, lone surrogates and U+FFFE, U+FFFF become U+FFFD; null gives "".
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                            // Keep well-formed surrogate pairs; drop lone halves, which XML cannot carry.
                            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                                b.append(c).append(text.charAt(++i));
                            } else {
                                b.append('\uFFFD');
                            }
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
        }
        return b.toString();
    }
}
