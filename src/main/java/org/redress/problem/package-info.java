/**
 * How Redress says no: the refused field, the exception that carries its own RFC 9457 answer, and the
 * one place that answers it as problem+json or as the error page. ISO 10002 4.5 (accessibility: clear errors).
 */
@ApplicationModule(displayName = "Problem answers", allowedDependencies = {})
package org.redress.problem;

import org.springframework.modulith.ApplicationModule;
