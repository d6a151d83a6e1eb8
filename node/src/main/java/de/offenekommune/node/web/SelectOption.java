package de.offenekommune.node.web;

/** One entry of a select, radio or checkbox group in a form template. */
public record SelectOption(String value, String label) {
}
