package org.evident.reports;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * An SVG image made ready to sit inline in the XHTML report: parsed (so that what is inlined is
 * well-formed, without its XML declaration or DOCTYPE), and re-sized to a width on the page.
 */
final class Svg {
    private static final String NS = "http://www.w3.org/2000/svg";
    private static final double PX_PER_MM = 96 / 25.4;

    private final Document document;
    private final double x;
    private final double y;
    private final double width;
    private final double height;

    private Svg(Document document, double x, double y, double width, double height) {
        this.document = document;
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
            return new Svg(document, box[0], box[1], box[2], box[3]);
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

    /** The part of the image from {@code left} that is {@code partWidth} wide (user units), sized to fit. */
    String window(double left, double partWidth, double maxWidthMm, double maxHeightMm) {
        double w = maxWidthMm;
        double h = w * height / partWidth;
        if (h > maxHeightMm) {
            h = maxHeightMm;
            w = h * partWidth / height;
        }
        Element root = (Element) document.getDocumentElement().cloneNode(true);
        root.setAttribute("viewBox", num(left) + " " + num(y) + " " + num(partWidth) + " " + num(height));
        root.setAttribute("preserveAspectRatio", "xMinYMin meet");
        // CSS pixels: openhtmltopdf sizes a replaced element from these (and the style) at 96 per inch.
        root.setAttribute("width", Long.toString(Math.round(w * PX_PER_MM)));
        root.setAttribute("height", Long.toString(Math.round(h * PX_PER_MM)));
        root.removeAttribute("style");
        root.removeAttribute("id");
        return serialise(root);
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

    private static String serialise(Element element) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(element), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write an SVG element back as text: " + e.getMessage(), e);
        }
    }
}
