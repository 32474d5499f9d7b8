package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** A window onto an SVG: its own root start tag, then the rest of the text as it was. */
class SvgTest {
    private static final String SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- drawn by hand; a > in a comment -->
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" id="whole" data-note="a > b" width="200" height="100" viewBox="0 0 200 100" style="x"><rect x="150" y="10" width="20" height="20"/></svg>
            """;

    @Test
    void aWindow_keepsTheRootsOtherAttributes_setsItsViewAndSize_andCopiesTheRest() throws Exception {
        // 25 mm wide: the part is 50 by 100 units, so 50 mm high, over the 40 mm allowed: 40 mm high
        // and 20 mm wide, at 96 / 25.4 px per mm: 75.6 -> 76 and 151.2 -> 151 px.
        String window = Svg.parse(SVG, "test").window(150, 50, 25, 40, "part");
        assertTrue(window.startsWith("<svg "), window);
        assertTrue(window.endsWith("<rect x=\"150\" y=\"10\" width=\"20\" height=\"20\"/></svg>\n"), window);
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(window))).getDocumentElement();
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("a > b", root.getAttribute("data-note"));
        assertEquals("150.00 0.00 50.00 100.00", root.getAttribute("viewBox"));
        assertEquals("xMinYMin meet", root.getAttribute("preserveAspectRatio"));
        assertEquals("76", root.getAttribute("width"));
        assertEquals("151", root.getAttribute("height"));
        assertEquals("", root.getAttribute("id"), "an id would repeat in every window");
        assertEquals("", root.getAttribute("style"));
    }

    @Test
    void aDoctypeWithEntityDeclarations_cannotBeInlined() {
        String svg = "<!DOCTYPE svg [<!ENTITY who \"me\">]><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">"
                + "<text>&who;</text></svg>";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Svg.parse(svg, "test").window(0, 1, 10, 10, "part"));
        assertTrue(e.getMessage().contains("internal subset"), e.getMessage());
    }
}
