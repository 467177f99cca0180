/**
 * A deliberately broken arrangement for ModularityTest: two modules that use each other. It proves
 * that the modularity check rejects a package cycle, as src/test/resources/broken does for the model check.
 */
package brokenmodules;
