/**
 * The complainant-facing edge: the public pages (how to complain, complaint form, status page) and the
 * complainants' API with its OpenAPI description. ISO 10002 4.4, 4.5, 7.1 to 7.3, 7.9, 8.3; nothing depends on it.
 */
@ApplicationModule(displayName = "Public pages and complainant API")
package org.redress.web;

import org.springframework.modulith.ApplicationModule;
