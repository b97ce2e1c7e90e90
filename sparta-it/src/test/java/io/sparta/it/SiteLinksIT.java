package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site as a contributor builds it, with the command the Contributing page and the README give ({@code ./mvnw
 * -DskipTests package site site:stage}, through the wrapper, on a copy of this repository without its build output,
 * as a fresh clone has it), checked page by page: every relative link and image leads to a file of the staged site, every
 * {@code #anchor} to an id of its page, and every page has a menu.
 */
class SiteLinksIT {

    /**
     * {@code package}, not an earlier phase: the plugin bundles sparta-resources' {@code lambda} jar, which only
     * {@code package} makes in the reactor; with less, Maven looks for it in the local repository, where a fresh
     * clone's build has installed nothing.
     */
    static final List<String> COMMAND = List.of("-DskipTests", "package", "site", "site:stage");

    /** Folders a fresh clone does not have, or that only editors read. */
    private static final Set<String> NOT_COPIED = Set.of("target", ".git", ".idea", ".vscode");

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Set<String> EXTERNAL = Set.of("http:", "https:", "mailto:");

    private static Path staging;
    private static List<Path> pages;
    private static final Map<Path, Document> parsed = new HashMap<>();

    @BeforeAll
    static void buildTheSite() throws Exception {
        Path root = Path.of(SampleProject.property("sparta.it.root"));
        Path copy = Path.of(SampleProject.property("sparta.it.work")).resolve("site-build");
        SampleProject.deleteRecursively(copy);
        copyTree(root, copy);
        List<String> command = new ArrayList<>(List.of(copy.resolve("mvnw").toString(), "-B", "-ntp"));
        if (Boolean.parseBoolean(SampleProject.property("sparta.it.offline"))) {
            command.add("-o");
        }
        // The outer build's repository: its plugins and dependencies are there, and nothing is installed into it.
        command.add("-Dmaven.repo.local=" + SampleProject.property("sparta.it.outerRepository"));
        command.addAll(COMMAND);
        Path log = copy.resolve("site-build.log");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        // Set by the Maven running this test; the nested build finds its own.
        builder.environment().remove("MAVEN_PROJECTBASEDIR");
        builder.environment().remove("MAVEN_BASEDIR");
        long started = System.nanoTime();
        Process maven = builder.start();
        if (!maven.waitFor(20, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            fail("The site build did not finish in 20 minutes; its log is " + log);
        }
        System.out.printf(
                "Site built with ./mvnw %s in %d s (log %s)%n",
                String.join(" ", COMMAND), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), log);
        if (maven.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            fail("./mvnw " + String.join(" ", COMMAND) + " failed (exit " + maven.exitValue() + "); the whole log is "
                    + log + ", its end:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        staging = copy.resolve("target/staging");
        try (Stream<Path> files = Files.walk(staging)) {
            pages = files.filter(file -> file.toString().endsWith(".html"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theStagedSiteHoldsTheTopPagesAndThePluginsGoalPages() {
        for (String page : List.of("index.html", "contributing.html", "sparta-maven-plugin/plugin-info.html")) {
            assertTrue(Files.isRegularFile(staging.resolve(page)), page + " is not in " + staging);
        }
        Element goals = page(staging.resolve("index.html"))
                .select("nav.sidebar-nav a:containsOwn(Goals)")
                .first();
        assertTrue(goals != null, "index.html's menu has no Goals item");
        assertEquals(
                staging.resolve("sparta-maven-plugin/plugin-info.html"),
                staging.resolve(goals.attr("href")).normalize(),
                "where the menu's Goals item leads");
        assertTrue(
                page(staging.resolve("sparta-maven-plugin/plugin-info.html"))
                        .select("a[href$=provision-mojo.html]")
                        .hasText(),
                "plugin-info.html links no goal page (provision-mojo.html)");
    }

    @Test
    void everyRelativeLinkAndImageLeadsToAFileOfTheSite() {
        Map<String, List<String>> broken = new TreeMap<>();
        int checked = 0;
        for (Path file : pages) {
            for (Element element : page(file).select("[href], [src]")) {
                for (String attribute : List.of("href", "src")) {
                    if (!element.hasAttr(attribute)) {
                        continue;
                    }
                    String link = element.attr(attribute).trim();
                    checked++;
                    report(broken, file, attribute, link, problem(file, link, false));
                }
            }
        }
        assertTrue(checked > pages.size(), "only " + checked + " links in " + pages.size() + " pages");
        assertEquals(
                List.of(),
                summary(broken),
                "links of the site that lead nowhere; fix them in src/site (markdown or site.xml) or in the Javadoc"
                        + " the goal pages come from");
    }

    @Test
    void everyAnchorLeadsToAnIdOfItsPage() {
        Map<String, List<String>> broken = new TreeMap<>();
        for (Path file : pages) {
            for (Element link : page(file).select("a[href]")) {
                String href = link.attr("href").trim();
                if (href.contains("#")) {
                    report(broken, file, "href", href, problem(file, href, true));
                }
            }
        }
        assertEquals(List.of(), summary(broken), "anchors of the site that name no id of their page");
    }

    /** Files a broken link under what is wrong with it, so a menu item broken on every page is one line. */
    private static void report(
            Map<String, List<String>> broken, Path file, String attribute, String link, String problem) {
        if (problem != null) {
            broken.computeIfAbsent(problem, p -> new ArrayList<>())
                    .add(staging.relativize(file) + " (" + attribute + "=\"" + link + "\")");
        }
    }

    private static List<String> summary(Map<String, List<String>> broken) {
        return broken.entrySet().stream()
                .map(entry -> entry.getKey() + ", on " + entry.getValue().size() + " page(s): "
                        + String.join(
                                ", ",
                                entry.getValue()
                                        .subList(0, Math.min(3, entry.getValue().size())))
                        + (entry.getValue().size() > 3 ? ", ..." : ""))
                .toList();
    }

    @Test
    void everyPageHasAMenu() {
        List<String> withoutMenu = pages.stream()
                .filter(file ->
                        page(file).select("nav.sidebar-nav ul.nav-list li a").isEmpty())
                .map(file -> staging.relativize(file).toString())
                .toList();
        assertTrue(pages.size() > 20, "only " + pages.size() + " pages in " + staging);
        assertEquals(
                List.of(),
                withoutMenu,
                "pages whose left menu is empty; a module's pages get the menus of src/site/site.xml marked inherit");
    }

    /**
     * Why {@code link} on {@code file} leads nowhere, or null when it leads to a file of the site (and, with
     * {@code anchors}, to an element of that id). External links are not followed.
     */
    private static String problem(Path file, String link, boolean anchors) {
        java.util.regex.Matcher scheme = SCHEME.matcher(link);
        if (scheme.find()) {
            return EXTERNAL.contains(scheme.group().toLowerCase(java.util.Locale.ROOT))
                    ? null
                    : "a link with a scheme a static site cannot serve: " + link;
        }
        if (link.startsWith("//")) {
            return null;
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String fragment = hash < 0 ? "" : decode(link.substring(hash + 1));
        path = path.replaceFirst("\\?.*$", "");
        Path target =
                path.isEmpty() ? file : file.getParent().resolve(decode(path)).normalize();
        if (!target.startsWith(staging)) {
            return "a link out of the site, to " + target;
        }
        if (Files.isDirectory(target)) {
            target = target.resolve("index.html");
        }
        if (!Files.isRegularFile(target)) {
            return "a link to " + staging.relativize(target) + ", which the site does not have";
        }
        if (!anchors || fragment.isEmpty() || !target.toString().endsWith(".html")) {
            return null;
        }
        Document page = page(target);
        boolean found = page.getElementById(fragment) != null
                || page.select("a[name]").stream()
                        .anyMatch(anchor -> anchor.attr("name").equals(fragment));
        return found ? null : "an anchor to #" + fragment + ", which " + staging.relativize(target) + " has no id for";
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Document page(Path file) {
        return parsed.computeIfAbsent(file, f -> {
            try {
                return Jsoup.parse(f.toFile(), "UTF-8");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                if (!directory.equals(from)
                        && NOT_COPIED.contains(directory.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(directory).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!NOT_COPIED.contains(file.getFileName().toString())) {
                    // The attributes keep mvnw executable.
                    Files.copy(
                            file,
                            to.resolve(from.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
