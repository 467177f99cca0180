/**
 * Camunda wiring under every other module: one deployment of processes/ and forms/, listeners on every user
 * task, submitted forms read on the server, Tasklist's filters. Serves every clause that runs in the engine.
 */
@ApplicationModule(displayName = "Engine wiring", allowedDependencies = {})
package org.redress.engine;

import org.springframework.modulith.ApplicationModule;
