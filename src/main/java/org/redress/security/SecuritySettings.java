package org.redress.security;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings of Redress's own pages and API ({@link SecurityHeaders}).
 *
 * @param hsts whether responses carry Strict-Transport-Security; on in production (the postgres profile),
 *     where the app is served over HTTPS only
 */
@Validated
@ConfigurationProperties("redress.security")
record SecuritySettings(@NotNull Boolean hsts) {}
