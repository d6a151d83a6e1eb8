package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages writes whole numbers itself (faster); every real message must read exactly as MessageFormat writes it. */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void everyMessageWithNumbersReadsAsMessageFormatWritesIt(String language) {
        Locale locale = Locale.forLanguageTag(language);
        Messages messages = Messages.of(locale);
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        int checked = 0;
        for (String key : bundle.keySet()) {
            MessageFormat reference = new MessageFormat(bundle.getString(key), locale);
            int arguments = reference.getFormatsByArgumentIndex().length;
            if (arguments == 0) {
                continue;
            }
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
        MessageFormat reference = new MessageFormat(ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key), locale);
        for (Object arg : List.of(2.5, "drei", 1_000_000)) {
            assertEquals(reference.format(new Object[] {arg}), messages.get(key, arg), String.valueOf(arg));
        }
    }
}
