package dev.filehost.http;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/** HTTP/1.1 connections as Jetty makes them, parsed by a {@link TargetRecordingParser}. */
final class RecordingConnectionFactory extends HttpConnectionFactory {

    RecordingConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected HttpParser newHttpParser(HttpCompliance compliance) {
                // Jetty's parser, copied with the connection's own request handler (which it alone can reach).
                HttpParser standard = super.newHttpParser(compliance);
                HttpParser parser = new TargetRecordingParser((HttpParser.RequestHandler) standard.getHandler(),
                        getHttpConfiguration().getRequestHeaderSize(), compliance);
                parser.setHeaderCacheSize(standard.getHeaderCacheSize());
                parser.setHeaderCacheCaseSensitive(standard.isHeaderCacheCaseSensitive());
                return parser;
            }
        };
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }
}
