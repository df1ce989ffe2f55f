package dev.filehost.web;

import dev.filehost.http.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The admin panel: its sections' routes, each behind the {@link AdminGate}, and a 404 for any other path under
 * /admin, whatever the method, so nobody can tell an unknown admin path from a known one they may not use.
 */
public final class AdminRoutes implements WebRoutes {
    static final String ROOT = "/admin";
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final AdminGate gate;
    private final Templates templates;
    private final ErrorPages errors;
    private final List<AdminSection> sections;

    public AdminRoutes(AdminGate gate, Templates templates, ErrorPages errors, List<AdminSection> sections) {
        this.gate = gate;
        this.templates = templates;
        this.errors = errors;
        this.sections = List.copyOf(sections);
    }

    @Override
    public void register(RoutesConfig routes) {
        AdminRouter router = new AdminRouter(routes, gate, templates, sections, errors);
        sections.forEach(section -> section.register(router));
        // Without these, a method a path does not take would answer 405 and tell that the path exists.
        for (HandlerType method : METHODS) {
            if (!router.has(method, ROOT)) {
                routes.addHttpHandler(method, ROOT, errors::notFound);
            }
            routes.addHttpHandler(method, ROOT + "/<rest>", errors::notFound);
        }
    }
}
