package de.offenekommune.node.feed;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom 1.0 feed (RFC 4287). Entry and feed ids are the objects' public URLs (stable and
 * unique, the same ids ActivityPub uses); HTML content goes in escaped as {@code type="html"};
 * characters XML cannot carry are dropped rather than producing a feed readers reject.
 */
public final class AtomWriter {
    private static final String NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AtomWriter() {
    }

    /** The feed itself: {@code selfUrl} is its id, {@code pageUrl} the HTML page it mirrors. */
    public record Feed(String selfUrl, String pageUrl, String title, String subtitle, String author, Instant updated,
                       List<AtomEntry> entries) {
    }

    public static byte[] write(Feed feed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(NS);
            element(w, "id", feed.selfUrl());
            element(w, "title", feed.title());
            if (feed.subtitle() != null) {
                element(w, "subtitle", feed.subtitle());
            }
            element(w, "updated", time(feed.updated()));
            link(w, "self", feed.selfUrl(), "application/atom+xml");
            link(w, "alternate", feed.pageUrl(), "text/html");
            w.writeStartElement("author");
            element(w, "name", feed.author());
            w.writeEndElement();
            element(w, "generator", "OffeneKommune");
            for (AtomEntry e : feed.entries()) {
                entry(w, e);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter w, AtomEntry e) throws XMLStreamException {
        w.writeStartElement("entry");
        element(w, "id", e.url());
        element(w, "title", e.title());
        link(w, "alternate", e.url(), "text/html");
        element(w, "published", time(e.published()));
        element(w, "updated", time(e.updated()));
        if (e.summary() != null && !e.summary().isBlank()) {
            element(w, "summary", e.summary());
        }
        if (e.html() != null && !e.html().isBlank()) {
            w.writeStartElement("content");
            w.writeAttribute("type", "html");
            w.writeCharacters(xmlSafe(e.html()));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(xmlSafe(text));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", xmlSafe(href));
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Drops code points XML 1.0 forbids (most C0 controls, unpaired surrogates, U+FFFE/U+FFFF). */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF).forEach(b::appendCodePoint);
        return b.toString();
    }
}
