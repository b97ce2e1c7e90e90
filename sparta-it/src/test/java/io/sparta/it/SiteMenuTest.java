package io.sparta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every page written under {@code src/site/markdown} can be found from the site's menu, and the site is built the way
 * {@link SiteLinksIT} builds it.
 */
class SiteMenuTest {

    private static final Path SITE =
            Path.of(SampleProject.property("sparta.it.root")).resolve("src/site");

    @Test
    void everyMarkdownPageHasAMenuItem() throws Exception {
        Set<String> items = menuItems();
        List<String> pages = markdownPages();
        assertTrue(pages.contains("index.html"), "no src/site/markdown/index.md under " + SITE);
        List<String> missing =
                pages.stream().filter(page -> !items.contains(page)).toList();
        assertEquals(
                List.of(),
                missing,
                "pages of src/site/markdown without a menu item: add <item name=\"...\" href=\"PAGE\"/> to a <menu>"
                        + " of " + SITE.resolve("site.xml"));
    }

    @Test
    void theContributingPageAndTheReadmeGiveTheCommandSiteLinksItRuns() throws IOException {
        String command = "./mvnw " + String.join(" ", SiteLinksIT.COMMAND);
        for (Path page : List.of(SITE.resolve("markdown/contributing.md"), SITE.resolve("../../README.md"))) {
            assertTrue(Files.readString(page).contains(command), page.normalize() + " does not give " + command);
        }
    }

    /** The hrefs of every item of every menu, nested items included. */
    private static Set<String> menuItems() throws Exception {
        NodeList items = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(SITE.resolve("site.xml").toFile())
                .getElementsByTagName("item");
        Set<String> hrefs = new TreeSet<>();
        for (int i = 0; i < items.getLength(); i++) {
            hrefs.add(((Element) items.item(i)).getAttribute("href"));
        }
        return hrefs;
    }

    /** The page each Markdown source becomes: {@code a/b.md} (or a Velocity {@code a/b.md.vm}) is {@code a/b.html}. */
    private static List<String> markdownPages() throws IOException {
        Path markdown = SITE.resolve("markdown");
        try (Stream<Path> files = Files.walk(markdown)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> markdown.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".md") || name.endsWith(".md.vm"))
                    .map(name -> name.replaceFirst("\\.md(\\.vm)?$", ".html"))
                    .sorted()
                    .toList();
        }
    }
}
