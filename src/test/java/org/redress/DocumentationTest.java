package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The documentation stays true to the code. docs/iso-10002-map.md names BPMN and DMN element ids, Java
 * classes and forms: each must exist, and every delegate and listener must be in it. Every relative
 * link in README.md and docs/*.md must point to a file. Plain JUnit, no Spring context: it reads the
 * repository's files (and, for the listener interfaces, the compiled main classes).
 */
class DocumentationTest {

  static final Path MAP = Path.of("docs", "iso-10002-map.md");
  static final List<String> HEADER = List.of("Clause or behaviour", "BPMN and DMN elements", "Java classes", "Forms");

  @Test
  void theIsoMap_namesOnlyElementsClassesAndFormsThatExist() {
    Repository repository = Repository.read(Path.of(""));
    IsoMap map = IsoMap.parse(readFile(MAP));

    assertThat(map.problems()).as("the tables of " + MAP).isEmpty();
    assertThat(map.rows()).hasSizeGreaterThan(20);
    assertThat(map.problemsAgainst(repository)).as(MAP + " names what does not exist").isEmpty();
  }

  @Test
  void everyDelegateAndListener_isInTheIsoMap() {
    Repository repository = Repository.read(Path.of(""));
    IsoMap map = IsoMap.parse(readFile(MAP));

    // not vacuous: the process files do reference beans, and main has listener classes
    assertThat(repository.beanReferences()).hasSizeGreaterThan(30);
    assertThat(repository.engineListeners()).hasSizeGreaterThan(40).containsKeys("TaskContext", "ObjectivityRule");
    assertThat(map.missingFrom(repository)).as("delegates and listeners missing from " + MAP).isEmpty();
  }

  @Test
  void everyRelativeLink_inTheReadmeAndDocs_pointsToAFile() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      String markdown = readFile(page);
      checked += Links.relativeTargets(markdown).size();
      broken.addAll(Links.broken(page, markdown));
    }
    assertThat(pages).hasSizeGreaterThan(8);
    assertThat(checked).as("relative links checked").isGreaterThan(50);
    assertThat(broken).as("links to files that do not exist").isEmpty();
  }

  // ---- each check, shown failing on a deliberately broken input ---------------------------------------

  @Test
  void aMapNamingWhatDoesNotExist_isRefused() {
    Repository repository = Repository.read(Path.of(""));
    IsoMap map = IsoMap.parse(String.join("\n",
        "# A broken map",
        "",
        "| Clause or behaviour | BPMN and DMN elements | Java classes | Forms |",
        "|---|---|---|---|",
        "| 7.2 Receipt | `complaint-handling.bpmn`: `Task_RecordComplaint`, `Task_NoSuchTask` | `RecordComplaint`, `NoSuchClass` | `register-complaint`, `no-such-form` |",
        "| 7.5 Assessment | `Task_AssessComplaint` before its file; `no-such-process.bpmn`: `Task_X`; `initial-assessment.dmn`: `Rule_NoSuchRule` | `intake.RecordComplaint` | — |",
        "| a row with three cells | — | — |"));

    assertThat(map.problems()).containsExactly("line 7: 3 cells, expected 4");
    assertThat(map.problemsAgainst(repository)).containsExactlyInAnyOrder(
        "line 5: processes/complaint-handling.bpmn has no element `Task_NoSuchTask`",
        "line 5: no class `NoSuchClass` in src/main/java",
        "line 5: no form `no-such-form` (forms/no-such-form.form)",
        "line 6: element `Task_AssessComplaint` is named before the file it is in",
        "line 6: no model file processes/no-such-process.bpmn",
        "line 6: processes/no-such-process.bpmn has no element `Task_X`",
        "line 6: processes/initial-assessment.dmn has no element `Rule_NoSuchRule`",
        "line 6: no class `intake.RecordComplaint` in src/main/java");
  }

  @Test
  void aPageWithoutTheMapsTable_isRefused() {
    assertThat(IsoMap.parse("# Nothing here\n\n| Clause | Java |\n|---|---|\n| 7.2 | `RecordComplaint` |\n").problems())
        .containsExactly("no table with the header | Clause or behaviour | BPMN and DMN elements | Java classes | Forms |");
  }

  @Test
  void aMapMissingDelegatesAndListeners_isRefused() {
    Repository repository = Repository.read(Path.of("")).withModel("broken.bpmn", """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Broken">
          <bpmn:process id="broken" isExecutable="true">
            <bpmn:serviceTask id="Task_Ghost" camunda:delegateExpression="${noSuchBean}" />
            <bpmn:userTask id="Task_Listened">
              <bpmn:extensionElements>
                <camunda:executionListener expression="${ghostListener.notify(execution)}" event="start" />
              </bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>
        """);
    IsoMap map = IsoMap.parse(String.join("\n",
        "| Clause or behaviour | BPMN and DMN elements | Java classes | Forms |",
        "|---|---|---|---|",
        "| 7.2 Receipt | `complaint-handling.bpmn`: `Task_RecordComplaint` | `RecordComplaint` | `register-complaint` |"));

    List<String> missing = map.missingFrom(repository);

    assertThat(missing)
        .contains("processes/broken.bpmn references ${noSuchBean}, but no class in src/main/java is that bean")
        .contains("processes/broken.bpmn references ${ghostListener}, but no class in src/main/java is that bean")
        .contains("AssessComplaint (${assessComplaint} in processes/complaint-handling.bpmn) is missing from the map")
        .contains("TaskContext (a TaskListener) is missing from the map")
        .noneMatch(problem -> problem.startsWith("RecordComplaint"));
  }

  @Test
  void aBrokenRelativeLink_isRefused() {
    String markdown = String.join("\n",
        "See [the map](docs/iso-10002-map.md#guiding-principles) and [this section](#anchors-are-ignored).",
        "![A picture that is gone](docs/images/no-such-picture.png)",
        "A [typo](docs/handler.md), [a site](https://camunda.com/) and <https://example.org>.",
        "Inline code is no link: `[x](nowhere.md)`.",
        "```",
        "[in a code block](nowhere-either.md)",
        "```",
        "[reference]: docs/no-such-guide.md");

    assertThat(Links.broken(Path.of("README.md"), markdown)).containsExactly(
        "README.md: docs/images/no-such-picture.png does not exist",
        "README.md: docs/handler.md does not exist",
        "README.md: docs/no-such-guide.md does not exist");
  }

  // ---- the checks ------------------------------------------------------------------------------------------

  /** The tables of docs/iso-10002-map.md: one row per clause or behaviour. */
  record IsoMap(List<Row> rows, List<String> problems) {

    record Row(int line, List<String> elements, List<String> classes, List<String> forms) {}

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern MODEL_FILE = Pattern.compile("[A-Za-z0-9_.-]+\\.(bpmn|dmn)");
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    static IsoMap parse(String markdown) {
      List<Row> rows = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      String[] lines = markdown.split("\n", -1);
      boolean found = false;
      for (int i = 0; i < lines.length; i++) {
        if (!cells(lines[i]).equals(HEADER)) {
          continue;
        }
        found = true;
        i++; // the |---| line
        while (i + 1 < lines.length && lines[i + 1].strip().startsWith("|")) {
          i++;
          List<String> cells = cells(lines[i]);
          if (cells.size() != HEADER.size()) {
            problems.add("line " + (i + 1) + ": " + cells.size() + " cells, expected " + HEADER.size());
            continue;
          }
          rows.add(new Row(i + 1, code(cells.get(1)), code(cells.get(2)), code(cells.get(3))));
        }
      }
      if (!found) {
        problems.add("no table with the header | " + String.join(" | ", HEADER) + " |");
      }
      return new IsoMap(rows, problems);
    }

    /** Element ids, classes and forms the rows name that the repository does not have. */
    List<String> problemsAgainst(Repository repository) {
      List<String> problems = new ArrayList<>();
      for (Row row : rows) {
        String at = "line " + row.line() + ": ";
        String file = null;
        for (String token : row.elements()) {
          if (MODEL_FILE.matcher(token).matches()) {
            file = token;
            if (!repository.elementIds().containsKey(file)) {
              problems.add(at + "no model file processes/" + file);
            }
          } else if (file == null) {
            problems.add(at + "element `" + token + "` is named before the file it is in");
          } else if (!repository.elementIds().getOrDefault(file, Set.of()).contains(token)) {
            problems.add(at + "processes/" + file + " has no element `" + token + "`");
          }
        }
        for (String name : row.classes()) {
          if (!SIMPLE_NAME.matcher(name).matches() || !repository.classes().contains(name)) {
            problems.add(at + "no class `" + name + "` in src/main/java");
          }
        }
        for (String form : row.forms()) {
          if (!repository.forms().contains(form)) {
            problems.add(at + "no form `" + form + "` (forms/" + form + ".form)");
          }
        }
      }
      return problems;
    }

    /**
     * Every bean the process files call (delegate expressions, listener expressions) and every class
     * implementing JavaDelegate, TaskListener or ExecutionListener must be in the Java column.
     */
    List<String> missingFrom(Repository repository) {
      Set<String> mapped = new HashSet<>();
      rows.forEach(row -> mapped.addAll(row.classes()));
      List<String> missing = new ArrayList<>();
      repository.beanReferences().forEach((bean, file) -> {
        String type = repository.beanClasses().get(bean);
        if (type == null) {
          missing.add("processes/" + file + " references ${" + bean + "}, but no class in src/main/java is that bean");
        } else if (!mapped.contains(type)) {
          missing.add(type + " (${" + bean + "} in processes/" + file + ") is missing from the map");
        }
      });
      repository.engineListeners().forEach((type, kind) -> {
        if (!mapped.contains(type)) {
          missing.add(type + " (a " + kind + ") is missing from the map");
        }
      });
      return missing;
    }

    private static List<String> cells(String line) {
      String row = line.strip();
      if (!row.startsWith("|") || !row.endsWith("|") || row.length() < 2) {
        return List.of();
      }
      List<String> cells = new ArrayList<>();
      for (String cell : row.substring(1, row.length() - 1).split("\\|", -1)) {
        cells.add(cell.strip());
      }
      return cells;
    }

    private static List<String> code(String cell) {
      List<String> tokens = new ArrayList<>();
      Matcher m = CODE.matcher(cell);
      while (m.find()) {
        tokens.add(m.group(1).strip());
      }
      return tokens;
    }
  }

  /**
   * What the repository holds: class simple names under src/main/java, element ids per file in
   * processes/, form ids in forms/, the Spring bean name of each class, the beans the process files
   * call (bean → file), and the main classes that are engine delegates or listeners (class → interface).
   */
  record Repository(Set<String> classes, Map<String, Set<String>> elementIds, Set<String> forms,
      Map<String, String> beanClasses, Map<String, String> beanReferences, Map<String, String> engineListeners) {

    private static final Pattern BEAN = Pattern.compile(
        "(?m)^\\s*@(?:Component|Service)\\b(?:\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"\\s*\\))?");
    private static final Pattern EXPRESSION_BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final List<Class<?>> ENGINE_INTERFACES =
        List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class);

    static Repository read(Path root) {
      Path java = root.resolve("src/main/java");
      Set<String> classes = new TreeSet<>();
      Map<String, String> beanClasses = new TreeMap<>();
      Map<String, String> engineListeners = new TreeMap<>();
      for (Path source : files(java, ".java")) {
        String simple = source.getFileName().toString().replace(".java", "");
        if (simple.equals("package-info")) {
          continue;
        }
        classes.add(simple);
        Matcher bean = BEAN.matcher(readFile(source));
        if (bean.find()) {
          beanClasses.put(bean.group(1) != null ? bean.group(1) : Introspector.decapitalize(simple), simple);
        }
        String className = java.relativize(source).toString().replace(".java", "").replace('/', '.').replace('\\', '.');
        engineListenersOf(className, engineListeners);
      }
      Map<String, Set<String>> elementIds = new TreeMap<>();
      Map<String, String> beanReferences = new TreeMap<>();
      for (Path model : files(root.resolve("processes"), ".bpmn", ".dmn")) {
        readModel(model.getFileName().toString(), readFile(model), elementIds, beanReferences);
      }
      Set<String> forms = new TreeSet<>();
      files(root.resolve("forms"), ".form").forEach(f -> forms.add(f.getFileName().toString().replace(".form", "")));
      return new Repository(classes, elementIds, forms, beanClasses, beanReferences, engineListeners);
    }

    /** The same repository with one more model file, e.g. a deliberately broken one. */
    Repository withModel(String fileName, String xml) {
      Map<String, Set<String>> ids = new TreeMap<>(elementIds);
      Map<String, String> references = new TreeMap<>(beanReferences);
      readModel(fileName, xml, ids, references);
      return new Repository(classes, ids, forms, beanClasses, references, engineListeners);
    }

    /** Every element id of the file, and every bean called by a delegate expression or a listener's expression. */
    private static void readModel(String fileName, String xml, Map<String, Set<String>> elementIds,
        Map<String, String> beanReferences) {
      Set<String> ids = new TreeSet<>();
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList elements = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
            .getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
          Element element = (Element) elements.item(i);
          if (element.hasAttribute("id")) {
            ids.add(element.getAttribute("id"));
          }
          boolean listener = element.getLocalName().equals("taskListener")
              || element.getLocalName().equals("executionListener");
          NamedNodeMap attributes = element.getAttributes();
          for (int a = 0; a < attributes.getLength(); a++) {
            Attr attribute = (Attr) attributes.item(a);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
            if (name.equals("delegateExpression") || (listener && name.equals("expression"))) {
              Matcher bean = EXPRESSION_BEAN.matcher(attribute.getValue().strip());
              if (bean.find()) {
                beanReferences.putIfAbsent(bean.group(1), fileName);
              }
            }
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot read " + fileName, e);
      }
      elementIds.put(fileName, ids);
    }

    private static void engineListenersOf(String className, Map<String, String> found) {
      Class<?> type;
      try {
        type = Class.forName(className, false, DocumentationTest.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("compiled main class missing: " + className, e);
      }
      List<Class<?>> types = new ArrayList<>(List.of(type));
      for (int i = 0; i < types.size(); i++) {
        Class<?> candidate = types.get(i);
        types.addAll(List.of(candidate.getDeclaredClasses()));
        if (candidate.isInterface() || Modifier.isAbstract(candidate.getModifiers())) {
          continue;
        }
        for (Class<?> engineInterface : ENGINE_INTERFACES) {
          if (engineInterface.isAssignableFrom(candidate)) {
            found.put(candidate.getSimpleName(), engineInterface.getSimpleName());
          }
        }
      }
    }
  }

  /** Relative links of a Markdown page: [text](target), ![alt](target) and [label]: target. */
  static final class Links {

    private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** The targets that are files of this repository (no scheme, not only an anchor), anchors and queries cut off. */
    static List<String> relativeTargets(String markdown) {
      String text = withoutCode(markdown);
      List<String> targets = new ArrayList<>();
      for (Pattern pattern : List.of(INLINE, REFERENCE)) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          String target = m.group(1);
          if (SCHEME.matcher(target).find() || target.startsWith("#")) {
            continue;
          }
          target = target.replaceAll("[#?].*$", "");
          targets.add(URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
      }
      return targets;
    }

    static List<String> broken(Path page, String markdown) {
      Path base = page.toAbsolutePath().getParent();
      List<String> broken = new ArrayList<>();
      for (String target : relativeTargets(markdown)) {
        if (!Files.exists(base.resolve(target).normalize())) {
          broken.add(page + ": " + target + " does not exist");
        }
      }
      return broken;
    }

    /** Fenced code blocks and inline code spans hold examples, not links. */
    private static String withoutCode(String markdown) {
      StringBuilder text = new StringBuilder();
      boolean fenced = false;
      for (String line : markdown.split("\n", -1)) {
        if (line.strip().startsWith("```")) {
          fenced = !fenced;
          text.append('\n');
          continue;
        }
        text.append(fenced ? "" : line.replaceAll("`[^`]*`", "``")).append('\n');
      }
      return text.toString();
    }
  }

  // ---- files -------------------------------------------------------------------------------------------------

  static String readFile(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> files(Path dir, String... endings) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> Stream.of(endings).anyMatch(e -> p.getFileName().toString().endsWith(e)))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
