package org.evident.reports;

import java.io.StringReader;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.evident.diagram.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * An SVG image made ready to sit inline in the XHTML report: parsed (so that what is inlined is
 * well-formed, without its XML declaration or DOCTYPE), and re-sized to a width on the page.
 */
final class Svg {
    private static final String NS = "http://www.w3.org/2000/svg";
    private static final double PX_PER_MM = 96 / 25.4;

    private final Document document;
    /** The text the document was parsed from, and where its root element's start tag ends in it. */
    private final String text;
    private final int rootTagEnd;
    private final double x;
    private final double y;
    private final double width;
    private final double height;

    private Svg(Document document, String text, int rootTagEnd, double x, double y, double width, double height) {
        this.document = document;
        this.text = text;
        this.rootTagEnd = rootTagEnd;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
    }

    /** Parses {@code svg}; {@code what} names it in the error if it is not a usable SVG. */
    static Svg parse(String svg, String what) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // A DOCTYPE is allowed (chart libraries write one) but nothing outside the text is fetched.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new InputSource(new StringReader(svg)));
            Element root = document.getDocumentElement();
            if (!"svg".equals(root.getLocalName())) {
                throw new IllegalArgumentException(what + " is not an SVG image: its root element is <" + root.getTagName() + ">");
            }
            if (!NS.equals(root.getNamespaceURI())) {
                throw new IllegalArgumentException(what + ": the <svg> element is not in the SVG namespace " + NS);
            }
            double[] box = viewBox(root, what);
            return new Svg(document, svg, rootTagEnd(svg, what), box[0], box[1], box[2], box[3]);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(what + " is not well-formed SVG: " + e.getMessage(), e);
        }
    }

    double x() {
        return x;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    /**
     * The part of the image from {@code left} that is {@code partWidth} wide (user units), sized to
     * fit: a new root start tag (the root's attributes, with the part's view box and size) before
     * the rest of the text as it was parsed. Not the DOM cloned and serialised: that loaded JAXP's
     * XSLT and took about 0.1 s of the report for the four parts of the worked example. {@code alt}
     * is its text alternative: openhtmltopdf tags the part as a Figure with the root's {@code alt}
     * as its alternate description (PDF/UA), and a browser reads {@code aria-label}.
     */
    String window(double left, double partWidth, double maxWidthMm, double maxHeightMm, String alt) {
        double w = maxWidthMm;
        double h = w * height / partWidth;
        if (h > maxHeightMm) {
            h = maxHeightMm;
            w = h * partWidth / height;
        }
        Element root = document.getDocumentElement();
        StringBuilder out = new StringBuilder(text.length() - rootTagEnd + 512).append('<').append(root.getTagName());
        NamedNodeMap attributes = root.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!REPLACED.contains(a.getNodeName())) {
                attribute(out, a.getNodeName(), a.getNodeValue());
            }
        }
        attribute(out, "viewBox", num(left) + " " + num(y) + " " + num(partWidth) + " " + num(height));
        attribute(out, "preserveAspectRatio", "xMinYMin meet");
        // CSS pixels: openhtmltopdf sizes a replaced element from these (and the style) at 96 per inch.
        attribute(out, "width", Long.toString(Math.round(w * PX_PER_MM)));
        attribute(out, "height", Long.toString(Math.round(h * PX_PER_MM)));
        attribute(out, "alt", alt);
        attribute(out, "role", "img");
        attribute(out, "aria-label", alt);
        return out.append('>').append(text, rootTagEnd, text.length()).toString();
    }

    /** The root's attributes a window sets itself or leaves out (an id would be repeated). */
    private static final java.util.Set<String> REPLACED = java.util.Set.of("viewBox", "preserveAspectRatio", "width", "height",
            "style", "id", "alt", "role", "aria-label");

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"").append(Xml.escape(value)).append('"');
    }

    /**
     * Where the root element's start tag ends in {@code svg} (just after its {@code >}): past the
     * XML declaration, comments, processing instructions and a DOCTYPE, and past any {@code >}
     * inside a quoted attribute value. The text has already parsed as XML.
     */
    private static int rootTagEnd(String svg, String what) {
        int at = 0;
        while (true) {
            at = svg.indexOf('<', at);
            if (at < 0) {
                throw new IllegalArgumentException(what + ": no root element");
            }
            if (svg.startsWith("<?", at)) {
                at = svg.indexOf("?>", at) + 2;
            } else if (svg.startsWith("<!--", at)) {
                at = svg.indexOf("-->", at) + 3;
            } else if (svg.startsWith("<!", at)) {
                at = declarationEnd(svg, at);
            } else {
                break;
            }
        }
        char quote = 0;
        for (int i = at + 1; i < svg.length(); i++) {
            char c = svg.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                if (svg.charAt(i - 1) == '/') {
                    throw new IllegalArgumentException(what + ": the <svg> element is empty");
                }
                return i + 1;
            }
        }
        throw new IllegalArgumentException(what + ": the root element's start tag does not end");
    }

    /**
     * The end of a {@code <!DOCTYPE ...>}. One with an internal subset is refused: its entities
     * would be used in the text a window copies, and be undefined where the window is inlined.
     */
    private static int declarationEnd(String svg, int at) {
        for (int i = at + 2; i < svg.length(); i++) {
            char c = svg.charAt(i);
            if (c == '[') {
                throw new IllegalArgumentException("an SVG with a DOCTYPE internal subset (entity declarations) cannot be inlined");
            }
            if (c == '>') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("a declaration does not end");
    }

    private static double[] viewBox(Element root, String what) {
        String box = root.getAttribute("viewBox").trim();
        if (!box.isEmpty()) {
            String[] parts = box.split("[\\s,]+");
            if (parts.length == 4) {
                double[] v = new double[4];
                for (int i = 0; i < 4; i++) {
                    v[i] = Double.parseDouble(parts[i]);
                }
                if (v[2] > 0 && v[3] > 0) {
                    return v;
                }
            }
        }
        double w = length(root.getAttribute("width"));
        double h = length(root.getAttribute("height"));
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException(what + ": an SVG needs a viewBox or a width and height in pixels, found viewBox '"
                    + box + "', width '" + root.getAttribute("width") + "', height '" + root.getAttribute("height") + "'");
        }
        return new double[] {0, 0, w, h};
    }

    private static double length(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("px")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("pt")) {
            return Double.parseDouble(t.substring(0, t.length() - 2)) * 96 / 72;
        }
        try {
            return t.isEmpty() ? -1 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
