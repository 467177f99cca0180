package org.redress.engine;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The dev loop of {@link ProcessFileWatcher} (profile {@code dev}).
 *
 * @param watchDir the working copy whose processes/ and forms/ are deployed whenever a file there is
 *     saved; relative to the folder the app starts in
 */
@Validated
@ConfigurationProperties("redress.dev")
record DevLoopSettings(@NotBlank String watchDir) {}
