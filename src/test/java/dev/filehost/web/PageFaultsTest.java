package dev.filehost.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filehost.support.ApiTestBase;
import dev.filehost.support.TestServer;
import org.junit.jupiter.api.Test;

/** Every page route that fails answers the site's styled 503 page, never the framework's plain 500. */
class PageFaultsTest extends ApiTestBase {

    @Test
    void everyPageRouteAnswersTheStyledPageWhenTheDatabaseIsGone() throws Exception {
        String kind = server.settings().usesPostgres() ? "postgresql" : "sqlite";
        try (TestServer own = TestServer.start(kind)) {
            own.app().components().database().close();
            String base = own.client().base();

            for (String[] request : new String[][] {{"GET", "/abcdef"}, {"POST", "/abcdef~d?abc"},
                    {"DELETE", "/abcdef~d?abc"}, {"GET", "/folder/1"}, {"POST", "/folder/1"},
                    {"GET", "/folder/1/download/2"}}) {
                Page page = Page.of(own.client().request(request[0], base + request[1]));
                page.isHtml(503);
                assertThat(page.body()).as(request[0] + " " + request[1]).contains(ErrorPages.UNAVAILABLE);
            }
        }
    }
}
