#!/usr/bin/env node
/*
 * Redress model check, run by `./mvnw verify` (exec-maven-plugin) or by hand:
 *
 *   node check-models.js [--config processes/.bpmnlintrc] <file or directory>...
 *   node check-models.js --expect-failures <directory with expected-problems.json>   (self-test: each
 *        file there — models, forms, templates, a lint config *.bpmnlintrc — must fail with the problems listed)
 *   node check-models.js --format <file or directory>...   (rewrites *.bpmn in Modeler's format, then checks)
 *
 * BPMN: bpmnlint with the rules of processes/.bpmnlintrc (bpmnlint:recommended + Camunda 7.24
 *       compatibility), on a model parsed with the Camunda 7 moddle extension, plus the parser's
 *       own warnings (unknown elements, broken references). And the file must be exactly what
 *       Camunda Modeler writes when it saves it — bpmn-js saveXML({ format: true }), i.e.
 *       bpmn-moddle toXML with the Camunda extension: two-space indentation, attributes in the
 *       meta-model's order, attributes Modeler does not know (modeler:executionPlatform) kept — so
 *       that a process owner's first save in Modeler is not a whole-file diff. A file the parser
 *       warns about is not format-checked (nor rewritten by --format): re-serialising it could drop
 *       what the parser did not understand.
 * Forms: imported with @bpmn-io/form-js-viewer 1.8.7 — the form-js version Tasklist 7.24 bundles —
 *       in a jsdom window, so an unknown field type, a duplicate id or a duplicate key fails here
 *       as it would in Tasklist; plus what form-js does not check at import: schemaVersion not
 *       newer than that form-js supports, the form id equal to the file name, a key on every
 *       input field.
 *
 * Element templates (processes/.camunda/element-templates/*.json): validated against the Camunda 7
 *       element template JSON schema (@camunda/element-templates-json-schema, the schema their
 *       $schema names), so Modeler does not silently drop a broken template.
 *
 * Lint config (processes/.bpmnlintrc): it must extend what Camunda Modeler's problems panel checks a
 *       Camunda 7.24 diagram with (bpmnlint:recommended + camunda-compat's camunda-platform-7-24) and
 *       turn no rule off: Modeler does not read this file, so a rule turned off here would still show
 *       in the process owner's problems panel. Fix the model instead.
 *
 * Every problem is printed as `<file>: <element id>: <message> (<rule>)`; the exit code is 1 when
 * there is any problem, warnings included: Modeler lists warnings in its problems panel too.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { BpmnModdle } = require('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const REPO = path.resolve(__dirname, '..', '..');

/* ---------------------------------------------------------------- BPMN */

const MODELER_FORMAT_MESSAGE = "not in Camunda Modeler's format (open and save it in Modeler, or run "
  + '`node tools/model-check/check-models.js --format processes`)';

/**
 * Reads a BPMN file as Camunda Modeler does (Camunda 7 moddle extension; unknown attributes such as
 * modeler:executionPlatform are kept as they are) and serialises it as Modeler's save does.
 * formatted is null when the parser warned about the file; a file that is not XML throws.
 */
async function readBpmn(file) {
  const text = fs.readFileSync(file, 'utf8');
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const { rootElement, warnings } = await moddle.fromXML(text);
  const formatted = warnings && warnings.length ? null : (await moddle.toXML(rootElement, { format: true })).xml;
  return { text, root: rootElement, warnings: warnings || [], formatted };
}

/** Modeler writes \n; a checkout with core.autocrlf turns it into \r\n, which is no format problem. */
function inModelerFormat({ text, formatted }) {
  return text.replace(/\r\n/g, '\n') === formatted;
}

async function checkBpmn(file, config) {
  const problems = [];
  let bpmn;
  try {
    bpmn = await readBpmn(file);
    for (const warning of bpmn.warnings) {
      problems.push({ category: 'error', id: warning.element && warning.element.id, message: warning.message, rule: 'bpmn-import' });
    }
  } catch (error) {
    problems.push({ category: 'error', id: '', message: 'not a readable BPMN file: ' + error.message, rule: 'bpmn-import' });
    return problems;
  }
  const root = bpmn.root;
  if (bpmn.formatted !== null && !inModelerFormat(bpmn)) {
    problems.push({ category: 'error', id: '', message: MODELER_FORMAT_MESSAGE, rule: 'modeler-format' });
  }

  // Resolve rules and plug-ins from this package's node_modules, wherever we are started from.
  const linter = new Linter({ config, resolver: new NodeResolver({ require: require }) });
  const reports = await linter.lint(root);
  for (const [rule, entries] of Object.entries(reports)) {
    for (const entry of entries) {
      problems.push({ category: entry.category, id: entry.id, message: entry.message, rule });
    }
  }
  return problems;
}

function readLintConfig(configPath) {
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  delete config.moddleExtensions; // used by the bpmnlint CLI; here the Camunda extension is always loaded
  return config;
}

// What Camunda Modeler 5 checks a Camunda 7.24 diagram with in its problems panel.
const MODELER_DEFAULTS = ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-platform-7-24'];

/** The lint config may add rules or raise them, never drop what Modeler's problems panel reports. */
function lintConfigProblems(config) {
  const problems = [];
  const error = (id, message) => problems.push({ category: 'error', id, message, rule: 'lint-config' });
  const extended = [].concat(config.extends || []);
  for (const required of MODELER_DEFAULTS) {
    if (!extended.includes(required)) {
      error('extends', `does not extend ${required}, which Camunda Modeler's problems panel checks with`);
    }
  }
  for (const [rule, setting] of Object.entries(config.rules || {})) {
    const level = Array.isArray(setting) ? setting[0] : setting;
    if (level === 'off' || level === 0) {
      error(rule, 'is turned off, but Camunda Modeler does not read this file and still shows the problem: '
        + 'change the model instead');
    }
  }
  return problems;
}

/* ---------------------------------------------------------------- Forms */

let formJs;

function loadFormJs() {
  if (formJs) {
    return formJs;
  }
  // form-js is a browser library: give it a DOM.
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  for (const name of ['window', 'document', 'navigator', 'KeyboardEvent', 'Event', 'CustomEvent', 'HTMLElement',
    'Node', 'Element', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame',
    'DOMParser']) {
    if (name === 'window') {
      globalThis.window = dom.window;
    } else if (!(name in globalThis) || name === 'document') {
      globalThis[name] = dom.window[name];
    }
  }
  formJs = require('@bpmn-io/form-js-viewer');
  return formJs;
}

// Field types that submit a value and therefore need a key (form-js 1.8.7).
const INPUT_TYPES = new Set(['textfield', 'textarea', 'number', 'datetime', 'checkbox', 'checklist', 'radio',
  'select', 'taglist', 'expression', 'dynamiclist']);

async function checkForm(file) {
  const problems = [];
  const error = (id, message, rule) => problems.push({ category: 'error', id, message, rule });
  let schema;
  try {
    schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    error('', 'not valid JSON: ' + e.message, 'form-json');
    return problems;
  }
  const { Form, schemaVersion } = loadFormJs();

  const expectedId = path.basename(file, '.form');
  if (schema.id !== expectedId) {
    error(schema.id || '', `form id "${schema.id}" must equal the file name "${expectedId}" (camunda:formRef matches the id)`, 'form-id');
  }
  if (schema.type !== 'default') {
    error(schema.id || '', `form type must be "default" (is ${JSON.stringify(schema.type)})`, 'form-type');
  }
  if (!Number.isInteger(schema.schemaVersion) || schema.schemaVersion > schemaVersion) {
    error(schema.id || '', `schemaVersion ${schema.schemaVersion} is not supported by form-js 1.8.7 in Tasklist 7.24 (at most ${schemaVersion})`, 'form-schema-version');
  }
  if (!Array.isArray(schema.components)) {
    error(schema.id || '', 'has no components array', 'form-components');
    return problems;
  }
  const visit = (components) => {
    for (const component of components || []) {
      if (INPUT_TYPES.has(component.type) && !component.key && component.type !== 'dynamiclist') {
        error(component.id || '', `${component.type} field has no key: its value would not be submitted`, 'form-key-required');
      }
      visit(component.components);
    }
  };
  visit(schema.components);

  const form = new Form({ container: document.createElement('div') });
  try {
    const result = await form.importSchema(schema);
    for (const warning of result.warnings || []) {
      problems.push({ category: 'warn', id: '', message: String(warning.message || warning), rule: 'form-js-import' });
    }
  } catch (e) {
    error(elementOf(e.message, schema) || schema.id || '', 'form-js 1.8.7 cannot import this form: ' + e.message, 'form-js-import');
  } finally {
    form.destroy();
  }
  return problems;
}

/** The component a form-js import error is about: "… id <Field_x> …" or "binding path 'key' …". */
function elementOf(message, schema) {
  const id = /id <([^>]+)>/.exec(message);
  if (id) {
    return id[1];
  }
  const key = /binding path '([^']+)'/.exec(message);
  if (key) {
    const found = [];
    const visit = (components) => (components || []).forEach((c) => {
      if (c.key === key[1] || c.path === key[1]) {
        found.push(c.id);
      }
      visit(c.components);
    });
    visit(schema.components);
    return found[found.length - 1];
  }
  return null;
}

/* ---------------------------------------------------------------- Element templates */

let templateValidator;

function checkTemplate(file) {
  const problems = [];
  let json;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push({ category: 'error', id: '', message: 'not valid JSON: ' + e.message, rule: 'element-template-json' });
    return problems;
  }
  if (!templateValidator) {
    const Ajv = require('ajv');
    // strict: false — the schema carries ajv-errors' "errorMessage" keywords for Modeler.
    templateValidator = new Ajv({ strict: false, allErrors: true })
      .compile(require('@camunda/element-templates-json-schema/resources/schema.json'));
  }
  for (const template of Array.isArray(json) ? json : [json]) {
    if (!templateValidator(template)) {
      // oneOf (single template | array) reports both branches; keep the errors about the template itself.
      const errors = templateValidator.errors.filter((e) => e.instancePath !== '' || e.keyword === 'required');
      for (const e of (errors.length ? errors : templateValidator.errors)) {
        problems.push({ category: 'error', id: template.id || '', message: `${e.instancePath || '/'} ${e.message}`, rule: 'element-template-schema' });
      }
    }
  }
  return problems;
}

/* ---------------------------------------------------------------- --format */

/** Rewrites each BPMN file that is not in Modeler's format; returns how many could not be rewritten. */
async function formatBpmn(files) {
  let refused = 0;
  for (const file of files.filter((f) => f.endsWith('.bpmn'))) {
    const shown = path.relative(REPO, path.resolve(file));
    let bpmn;
    try {
      bpmn = await readBpmn(file);
    } catch (error) {
      refused++;
      console.error(`NOT FORMATTED ${shown}: not a readable BPMN file: ${error.message}`);
      continue;
    }
    if (bpmn.formatted === null) {
      refused++;
      console.error(`NOT FORMATTED ${shown}: the parser warns about it (see below); re-serialising could lose content`);
    } else if (!inModelerFormat(bpmn)) {
      fs.writeFileSync(file, bpmn.formatted);
      console.log(`Formatted ${shown}`);
    }
  }
  return refused;
}

/* ---------------------------------------------------------------- Driver */

function filesIn(target) {
  const stat = fs.statSync(target);
  if (stat.isFile()) {
    return [target];
  }
  const files = fs.readdirSync(target).sort().map((name) => path.join(target, name))
    .filter((file) => fs.statSync(file).isFile() && /\.(bpmn|form)$/.test(file));
  // Modeler finds element templates in <diagram folder>/.camunda/element-templates/
  const templates = path.join(target, '.camunda', 'element-templates');
  if (fs.existsSync(templates)) {
    files.push(...fs.readdirSync(templates).sort().filter((name) => name.endsWith('.json'))
      .map((name) => path.join(templates, name)));
  }
  return files;
}

async function check(files, config) {
  const results = [];
  for (const file of files) {
    const problems = file.endsWith('.bpmnlintrc') ? lintConfigProblems(readLintConfig(file))
      : file.endsWith('.bpmn') ? await checkBpmn(file, config)
      : file.endsWith('.json') ? checkTemplate(file) : await checkForm(file);
    results.push({ file, problems });
  }
  return results;
}

function print(results) {
  let errors = 0;
  let warnings = 0;
  for (const { file, problems } of results) {
    const shown = path.relative(REPO, path.resolve(file));
    for (const p of problems) {
      const line = `${shown}: ${p.id || '(file)'}: ${p.message} (${p.rule})`;
      if (p.category === 'error') {
        errors++;
        console.error('ERROR   ' + line);
      } else {
        warnings++;
        console.warn('WARNING ' + line);
      }
    }
  }
  return { errors, warnings };
}

/** Any problem fails the check, a warning too: Modeler's problems panel lists both. */
function exitCode(results) {
  return results.some(({ problems }) => problems.length > 0) ? 1 : 0;
}

async function main(argv) {
  let configPath = path.join(REPO, 'processes', '.bpmnlintrc');
  let expectFailures = null;
  let format = false;
  const targets = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config') {
      configPath = path.resolve(argv[++i]);
    } else if (argv[i] === '--expect-failures') {
      expectFailures = path.resolve(argv[++i]);
    } else if (argv[i] === '--format') {
      format = true;
    } else {
      targets.push(path.resolve(argv[i]));
    }
  }
  const config = readLintConfig(configPath);

  if (expectFailures) {
    // Self-test: every broken model must be rejected with the expected message.
    const expected = JSON.parse(fs.readFileSync(path.join(expectFailures, 'expected-problems.json'), 'utf8'));
    const results = await check(Object.keys(expected).map((name) => path.join(expectFailures, name)), config);
    let missing = 0;
    for (const { file, problems } of results) {
      const problemsText = problems.map((p) => `${p.id}: ${p.message} (${p.rule})`);
      for (const fragment of expected[path.basename(file)]) {
        if (!problemsText.some((text) => text.includes(fragment))) {
          missing++;
          console.error(`SELF-TEST FAILED ${path.basename(file)}: no problem containing "${fragment}"; got:\n  ${problemsText.join('\n  ') || '(no problems)'}`);
        }
      }
      if (exitCode([{ file, problems }]) === 0) {
        missing++;
        console.error(`SELF-TEST FAILED ${path.basename(file)}: its problems do not fail the check`);
      }
      // The broken models are kept in Modeler's format unless that is what they test: a format problem
      // nobody expects means the format check fires where it should not (e.g. on an unreadable file).
      const formatExpected = expected[path.basename(file)].some((fragment) => fragment.includes('(modeler-format)'));
      if (!formatExpected && problems.some((p) => p.rule === 'modeler-format')) {
        missing++;
        console.error(`SELF-TEST FAILED ${path.basename(file)}: unexpected ${MODELER_FORMAT_MESSAGE} (modeler-format)`);
      }
    }
    if (missing) {
      return 1;
    }
    console.log(`Model check self-test: ${results.length} broken models rejected as expected.`);
    return 0;
  }

  const files = targets.flatMap(filesIn);
  const notFormatted = format ? await formatBpmn(files) : 0;
  const results = [{ file: configPath, problems: lintConfigProblems(config) }, ...await check(files, config)];
  const { errors, warnings } = print(results);
  console.log(`Model check: ${files.length} files (${files.filter((f) => f.endsWith('.bpmn')).length} BPMN, ` +
    `${files.filter((f) => f.endsWith('.form')).length} forms, ` +
    `${files.filter((f) => f.endsWith('.json')).length} element templates), ${errors} errors, ${warnings} warnings.`);
  return exitCode(results) || notFormatted ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
