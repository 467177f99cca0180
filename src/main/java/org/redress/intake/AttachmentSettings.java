package org.redress.intake;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on the attachments of a complaint ({@link Attachments}). Keep
 * {@code spring.servlet.multipart.*} large enough for them.
 *
 * @param maxFileSize the largest file accepted, such as 10MB
 * @param maxFiles how many files one complaint may have
 */
@Validated
@ConfigurationProperties("redress.attachments")
public record AttachmentSettings(@NotNull DataSize maxFileSize, @NotNull Integer maxFiles) {}
