package de.offenekommune.node.mail;

/** One plain-text e-mail to one recipient. */
public record Mail(String to, String subject, String body) {
}
