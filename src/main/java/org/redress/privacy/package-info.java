/**
 * The complainant's personal data: export and erasure on request, anonymisation after the retention
 * period. ISO 10002 4.10 (confidentiality).
 */
@ApplicationModule(displayName = "Privacy")
package org.redress.privacy;

import org.springframework.modulith.ApplicationModule;
