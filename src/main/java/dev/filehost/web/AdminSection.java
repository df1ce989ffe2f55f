package dev.filehost.web;

/**
 * One section of the admin panel (users, packages, ...): its entry in the panel's navigation and its routes,
 * all under /admin. A section is listed once, in the application's list of sections.
 */
public interface AdminSection {
    /** The navigation's name for the section. */
    String title();

    /** Where the navigation links to: "/admin" or a path under it. */
    String path();

    void register(AdminRouter router);
}
