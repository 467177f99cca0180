package org.redress.intake;

/** A file the complainant sent with the complaint, as received (name as given, bytes as sent). */
public record Attachment(String fileName, byte[] content) {}
