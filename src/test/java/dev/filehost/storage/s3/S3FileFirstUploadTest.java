package dev.filehost.storage.s3;

import dev.filehost.config.S3Settings;
import dev.filehost.file.FileFirstUploadScenarios;
import dev.filehost.support.S3ProxyServer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Uploads that send the file before the credentials, on S3: their parts go to the bucket while they wait. */
class S3FileFirstUploadTest extends FileFirstUploadScenarios {

    @Override
    protected Map<String, String> serverEnvironment() {
        return withBoundsBeforeSignIn(S3ProxyServer.shared().environment(S3ProxyServer.newBucket()));
    }

    /** Every key in the bucket and every multipart upload not completed or aborted. */
    @Override
    protected Set<String> storeContents() {
        S3Settings settings = server.settings().s3Storage().orElseThrow();
        try (S3Client s3 = BucketConnector.client(settings)) {
            Set<String> contents = new HashSet<>();
            s3.listObjectsV2Paginator(r -> r.bucket(settings.bucket())).contents().stream().map(S3Object::key)
                    .forEach(contents::add);
            s3.listMultipartUploads(r -> r.bucket(settings.bucket())).uploads().stream()
                    .map(MultipartUpload::uploadId).map(id -> "upload " + id).forEach(contents::add);
            return contents;
        }
    }
}
