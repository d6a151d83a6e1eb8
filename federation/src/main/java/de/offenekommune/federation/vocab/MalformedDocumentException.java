package de.offenekommune.federation.vocab;

/** A document that is not usable ActivityStreams JSON; the inbox answers 400 with the message. */
public class MalformedDocumentException extends RuntimeException {
    public MalformedDocumentException(String message) {
        super(message);
    }

    public MalformedDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
