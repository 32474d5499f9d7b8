package org.evident.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one XML escape: the five special characters, and nothing XML 1.0 cannot hold. */
class XmlTest {
    @Test
    void specialCharacters_becomeEntities_theApostropheAsHtmlReadsIt() {
        assertEquals("A &amp; B&#39;s &lt;&quot;plan&quot;&gt;", Xml.escape("A & B's <\"plan\">"));
    }

    @Test
    void charactersXmlCannotHold_areDroppedOrReplaced_othersKept() {
        assertEquals("a\tb\nc\rd", Xml.escape("a\tb\nc\rd\u0000\u0007\u001f"));
        assertEquals("\uD83D\uDE00 \uFFFD \uFFFD \uFFFD", Xml.escape("\uD83D\uDE00 \uD83D \uFFFE \uDE00"));
        assertEquals("", Xml.escape(null));
    }
}
