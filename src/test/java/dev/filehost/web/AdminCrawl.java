package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.SiteClient;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin panel as an admin's client finds it: the pages reachable from its navigation by links, and every
 * form on them that posts to the panel. Whatever section is added later is crawled too.
 */
record AdminCrawl(Set<String> pages, List<Form> forms) {
    private static final Pattern LINK = Pattern.compile("href=\"(/admin[^\"#]*)\"");
    private static final Pattern NAV = Pattern.compile("<nav class=\"admin\".*?</nav>", Pattern.DOTALL);
    /** Links a page adds to the crawl besides the navigation's: enough to reach each kind of page (a user's, ...). */
    private static final int NEW_LINKS_PER_PAGE = 3;
    private static final Pattern FORM = Pattern.compile("<form([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]*)\"");
    private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]*)\" selected");

    /** A form that posts, with the fields it would send (the CSRF token among them). */
    record Form(String page, String action, List<String> fields) {
        /** The fields without the CSRF token, as name, value, name, value... */
        String[] withoutCsrf() {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < fields.size(); i += 2) {
                if (!fields.get(i).equals("csrf")) {
                    kept.add(fields.get(i));
                    kept.add(fields.get(i + 1));
                }
            }
            return kept.toArray(String[]::new);
        }
    }

    /**
     * Follows the links under /admin from the dashboard, at most {@code maxPages} pages: every entry of the
     * navigation, and from each page a few links it adds (a list's first rows, its next page).
     */
    static AdminCrawl of(SiteClient admin, int maxPages) {
        Set<String> queued = new LinkedHashSet<>(List.of("/admin"));
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(queued);
        List<Form> forms = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < maxPages) {
            String page = queue.poll();
            seen.add(page);
            HttpResponse<String> answer = admin.get(page);
            assertThat(answer.statusCode()).as("GET " + page).isEqualTo(200);
            Matcher nav = NAV.matcher(answer.body());
            assertThat(nav.find()).as("the navigation on " + page).isTrue();
            links(nav.group()).stream().filter(queued::add).forEach(queue::add);
            links(answer.body()).stream().filter(queued::add).limit(NEW_LINKS_PER_PAGE).forEach(queue::add);
            Matcher form = FORM.matcher(answer.body());
            while (form.find()) {
                String attributes = form.group(1);
                String action = attribute(attributes, "action");
                if (attributes.contains("method=\"post\"") && action != null && action.startsWith("/admin")) {
                    forms.add(new Form(page, unescape(action), fields(form.group(2))));
                }
            }
        }
        return new AdminCrawl(seen, forms);
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            links.add(unescape(link.group(1)));
        }
        return links;
    }

    /** Every path an outsider must not be able to tell from an unknown one: the pages and the forms' targets. */
    Set<String> paths() {
        Set<String> all = new LinkedHashSet<>(pages);
        forms.forEach(form -> all.add(form.action()));
        return all;
    }

    private static List<String> fields(String html) {
        List<String> fields = new ArrayList<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            String name = attribute(input.group(1), "name");
            if (name != null) {
                fields.add(name);
                fields.add(unescape(attribute(input.group(1), "value") == null ? "" : attribute(input.group(1), "value")));
            }
        }
        Matcher select = SELECT.matcher(html);
        while (select.find()) {
            Matcher chosen = SELECTED.matcher(select.group(2));
            Matcher first = OPTION.matcher(select.group(2));
            fields.add(attribute(select.group(1), "name"));
            fields.add(chosen.find() ? chosen.group(1) : first.find() ? first.group(1) : "");
        }
        return fields;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }
}
