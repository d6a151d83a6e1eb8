package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import gg.jte.Content;
import gg.jte.html.OwaspHtmlTemplateOutput;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages writes whole numbers itself (faster); every real message must read exactly as MessageFormat writes it. */
class MessagesTest {

    /** The bundle of exactly this language (no fallback to the German default). */
    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Every message of the language that takes arguments, as MessageFormat reads it. */
    private static Map<String, MessageFormat> withArguments(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Map<String, MessageFormat> found = new TreeMap<>();
        for (String key : bundle.keySet()) {
            MessageFormat reference = new MessageFormat(bundle.getString(key), locale);
            if (reference.getFormatsByArgumentIndex().length > 0) {
                found.put(key, reference);
            }
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void everyMessageWithNumbersReadsAsMessageFormatWritesIt(String language) {
        Locale locale = Locale.forLanguageTag(language);
        Messages messages = Messages.of(locale);
        int checked = 0;
        for (Map.Entry<String, MessageFormat> message : withArguments(locale).entrySet()) {
            String key = message.getKey();
            MessageFormat reference = message.getValue();
            int arguments = reference.getFormatsByArgumentIndex().length;
            for (long n : List.of(0L, 1L, 7L, 999L, 1000L, 12_345L, 1_234_567L, -1L, -1_234_567L, Long.MAX_VALUE)) {
                Object[] args = new Object[arguments];
                for (int i = 0; i < arguments; i++) {
                    args[i] = i % 2 == 0 ? (Object) (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)) : n;
                }
                assertEquals(reference.format(args), messages.get(key, args), key + " with " + n);
                checked++;
            }
        }
        assertTrue(checked > 50, "only " + checked + " messages with arguments");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void otherArgumentsAreLeftToMessageFormat(String language) {
        Locale locale = Locale.forLanguageTag(language);
        Messages messages = Messages.of(locale);
        String key = "comment.section.title";
        MessageFormat reference = new MessageFormat(bundle(locale).getString(key), locale);
        for (Object arg : List.of(2.5, "drei", 1_000_000)) {
            assertEquals(reference.format(new Object[] {arg}), messages.get(key, arg), String.valueOf(arg));
        }
    }

    /** Messages fills plain placeholders with text itself (faster); mixed, missing and odd arguments too. */
    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void everyMessageWithTextReadsAsMessageFormatWritesIt(String language) {
        Locale locale = Locale.forLanguageTag(language);
        Messages messages = Messages.of(locale);
        int checked = 0;
        for (Map.Entry<String, MessageFormat> message : withArguments(locale).entrySet()) {
            String key = message.getKey();
            MessageFormat reference = message.getValue();
            int arguments = reference.getFormatsByArgumentIndex().length;
            List<Object[]> argumentLists = List.of(
                    texts(arguments, i -> "Text " + i + " mit {0} und 'Zitat' & <b>"),
                    texts(arguments, i -> i % 2 == 0 ? "Ä" + i : (Object) (i * 1000L)),
                    texts(arguments, i -> i % 2 == 1 ? "ß" + i : (Object) Integer.valueOf(i * 1234)),
                    texts(Math.max(1, arguments - 1), i -> "nur " + i),
                    texts(arguments, i -> i == 0 ? null : "x"),
                    texts(arguments, i -> ""));
            for (Object[] args : argumentLists) {
                if (args.length < arguments && reference.getFormatsByArgumentIndex()[args.length] != null) {
                    continue; // MessageFormat itself fails on a missing formatted argument
                }
                String expected;
                try {
                    expected = reference.format(args);
                } catch (IllegalArgumentException e) { // a text for {0,number}: as MessageFormat, refused
                    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> messages.get(key, args));
                    continue;
                }
                assertEquals(expected, messages.get(key, args), key + " with " + java.util.Arrays.toString(args));
                checked++;
            }
        }
        assertTrue(checked > 100, "only " + checked + " messages with arguments");
    }

    private static Object[] texts(int count, java.util.function.IntFunction<Object> argument) {
        Object[] args = new Object[count];
        for (int i = 0; i < count; i++) {
            args[i] = argument.apply(i);
        }
        return args;
    }

    /**
     * The pre-encoded forms a page prints ({@code ${page.html(...)}}) are byte for byte what
     * {@code ${page.t(...)}} prints in an element's content, for every message, with arguments that
     * need escaping.
     */
    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void htmlFormsPrintExactlyWhatTheEscapedTextPrints(String language) {
        Messages messages = Messages.of(Locale.forLanguageTag(language));
        ResourceBundle bundle = bundle(messages.locale());
        for (String key : bundle.keySet()) {
            assertEquals(printed(out -> out.writeUserContent(messages.get(key))), printed(messages.html(key)), key);
            for (String argument : List.of("", "Anna <b>& \"Ben\"</b> 'Ö' \uD83D\uDE00", "{0}")) {
                String expected;
                try {
                    expected = printed(out -> out.writeUserContent(messages.get(key, argument)));
                } catch (IllegalArgumentException numberExpected) {
                    continue; // {0,number} and the like take no text
                }
                assertEquals(expected, printed(messages.html(key, argument)), key + " with " + argument);
            }
        }
        assertEquals("auf den Kommentar von A &lt;b&gt;".replace("auf den Kommentar von",
                        language.equals("en") ? "to the comment by" : "auf den Kommentar von"),
                printed(messages.html("comment.to-comment-of", "A <b>")));
    }

    /** As a template prints content in an element's body ({@code <span>${...}</span>}). */
    private static String printed(Content content) {
        PageBytes bytes = new PageBytes(64);
        OwaspHtmlTemplateOutput html = new OwaspHtmlTemplateOutput(bytes);
        html.setContext("span", null);
        html.writeUserContent(content);
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
