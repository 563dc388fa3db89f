package dev.canopy.landingpages;

/** One section of a template, in order: a heading (text) and a body (Markdown or limited HTML). */
public record Section(String heading, String body) {}
