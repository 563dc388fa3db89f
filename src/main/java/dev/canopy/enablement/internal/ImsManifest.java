package dev.canopy.enablement.internal;

import dev.canopy.enablement.internal.ScormPackage.Version;
import dev.canopy.shared.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a package's imsmanifest.xml says: its standard, its title and the href to launch as written (bases applied,
 * not yet checked against the files). Elements are matched by local name, since authoring tools use whatever
 * namespace prefixes they like, or none.
 */
record ImsManifest(Version version, String title, String href) {

    private static final int TITLE_LENGTH = 200;

    static ImsManifest read(Path file) throws IOException {
        Element manifest = parse(file).getDocumentElement();
        Element organization = organization(child(manifest, "organizations"));
        Element item = organization == null
                ? null
                : descendants(organization, "item")
                        .filter(i -> !i.getAttribute("identifierref").isBlank())
                        .findFirst()
                        .orElse(null);
        Element resources = child(manifest, "resources");
        Element resource = item == null || resources == null
                ? null
                : children(resources, "resource")
                        .filter(r -> r.getAttribute("identifier").equals(item.getAttribute("identifierref")))
                        .findFirst()
                        .orElse(null);
        if (resource == null || resource.getAttribute("href").isBlank()) {
            throw new InvalidInputException("file", "imsmanifest.xml names no file to launch");
        }
        String href =
                base(resources) + base(resource) + resource.getAttribute("href").strip();
        return new ImsManifest(version(manifest), title(organization), href);
    }

    private static Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // No DOCTYPE at all: that is where entities that read files or expand without end are declared.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // the default one prints every error to stderr
            return builder.parse(file.toFile());
        } catch (SAXException e) {
            // Not the parser's message: it may quote the document, and the manager only needs to know it is broken.
            throw new InvalidInputException("file", "imsmanifest.xml is not valid XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The organization the manifest names as default, else its first. */
    private static Element organization(Element organizations) {
        if (organizations == null) {
            return null;
        }
        String chosen = organizations.getAttribute("default");
        return children(organizations, "organization")
                .filter(o -> o.getAttribute("identifier").equals(chosen))
                .findFirst()
                .or(() -> children(organizations, "organization").findFirst())
                .orElse(null);
    }

    /** From metadata/schemaversion; without one, from the namespaces only SCORM 2004 uses. */
    private static Version version(Element manifest) {
        Element metadata = child(manifest, "metadata");
        Element schemaVersion = metadata == null ? null : child(metadata, "schemaversion");
        String declared =
                schemaVersion == null ? "" : schemaVersion.getTextContent().strip();
        if (declared.equals("1.2")) {
            return Version.SCORM_12;
        }
        if (declared.contains("2004") || declared.contains("CAM 1.3")) {
            return Version.SCORM_2004;
        }
        Set<String> namespaces = new HashSet<>();
        Stream.concat(Stream.of(manifest), descendants(manifest, "*")).forEach(e -> namespaces(e, namespaces));
        boolean adlcp13 = namespaces.stream().anyMatch(n -> n.contains("adlcp_v1p3"));
        boolean cp11 = namespaces.stream().anyMatch(n -> n.contains("imscp_v1p1"));
        boolean adlseq13 = namespaces.stream().anyMatch(n -> n.contains("adlseq_v1p3"));
        return adlcp13 || (cp11 && adlseq13) ? Version.SCORM_2004 : Version.SCORM_12;
    }

    private static void namespaces(Element element, Set<String> found) {
        if (element.getNamespaceURI() != null) {
            found.add(element.getNamespaceURI());
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            // An xmlns declaration carries its namespace in its value, even one no element uses.
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                found.add(attribute.getNodeValue());
            } else if (attribute.getNamespaceURI() != null) {
                found.add(attribute.getNamespaceURI());
            }
        }
    }

    /** The organization's title, else its first item's, on one line and at most 200 characters. */
    private static String title(Element organization) {
        Element title = organization == null ? null : child(organization, "title");
        if (title == null && organization != null) {
            title = descendants(organization, "item")
                    .map(i -> child(i, "title"))
                    .filter(t -> t != null)
                    .findFirst()
                    .orElse(null);
        }
        String text = title == null
                ? ""
                : title.getTextContent().replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        if (text.isEmpty()) {
            return "SCORM package";
        }
        return text.codePointCount(0, text.length()) <= TITLE_LENGTH
                ? text
                : text.substring(0, text.offsetByCodePoints(0, TITLE_LENGTH)).strip();
    }

    /** An xml:base as a folder prefix: authoring tools sometimes leave off its trailing slash. */
    private static String base(Element element) {
        String base = element.getAttributeNS(XMLConstants.XML_NS_URI, "base").strip();
        return base.isEmpty() || base.endsWith("/") ? base : base + "/";
    }

    private static Element child(Element parent, String localName) {
        return children(parent, localName).findFirst().orElse(null);
    }

    private static Stream<Element> children(Element parent, String localName) {
        Stream.Builder<Element> found = Stream.builder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found.build();
    }

    /** Descendants in document order, which is depth-first; "*" for all. */
    private static Stream<Element> descendants(Element parent, String localName) {
        var list = parent.getElementsByTagNameNS("*", localName);
        return Stream.iterate(0, i -> i < list.getLength(), i -> i + 1).map(i -> (Element) list.item(i));
    }
}
