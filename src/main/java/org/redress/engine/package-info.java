/**
 * Camunda wiring, under every other module: deploys processes/ and forms/ as one deployment, puts
 * Redress's listeners on every user task, reads submitted forms on the server, sets up Tasklist's filters.
 * Serves every clause of ISO 10002 that runs in the engine; depends on no other module.
 */
@ApplicationModule(displayName = "Engine wiring", allowedDependencies = {})
package org.redress.engine;

import org.springframework.modulith.ApplicationModule;
