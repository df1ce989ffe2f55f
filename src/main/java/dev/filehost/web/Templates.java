package dev.filehost.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import dev.filehost.http.Html;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Mustache templates from the classpath's templates/ folder; every {{value}} goes through {@link Html#escape}. */
public final class Templates {
    private final MustacheFactory factory = new DefaultMustacheFactory("templates") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(Html.escape(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    public String render(String template, Object scope) {
        StringWriter out = new StringWriter();
        factory.compile(template + ".mustache").execute(out, scope);
        return out.toString();
    }
}
