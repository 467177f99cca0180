/**
 * The code lists that classify complaints — category, product, root cause — their API for process
 * owners and the options they give the forms. ISO 10002 8.2 (collection of information), used from 7.5 on.
 */
@ApplicationModule(displayName = "Classification", allowedDependencies = {"complaint", "engine", "problem", "security"})
package org.redress.classification;

import org.springframework.modulith.ApplicationModule;
