package dev.filehost.storage.s3;

import dev.filehost.config.S3Settings;
import dev.filehost.config.SettingsException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 client for the settings, connected at start-up: the bucket is created when missing, and a
 * store that cannot be reached or refuses the credentials stops start-up with a line naming the setting.
 */
final class BucketConnector {

    /** A download holds its connection while the client reads; concurrency is bounded by packages, not here. */
    private static final int MAX_CONNECTIONS = 1024;
    private static final String ENDPOINT = "filehost.storage.s3.endpoint (FILEHOST_STORAGE_S3_ENDPOINT)";
    private static final String REGION = "filehost.storage.s3.region (FILEHOST_STORAGE_S3_REGION)";
    private static final String BUCKET = "filehost.storage.s3.bucket (FILEHOST_STORAGE_S3_BUCKET)";
    private static final String CREDENTIALS = "filehost.storage.s3.access-key and secret-key "
            + "(FILEHOST_STORAGE_S3_ACCESS_KEY, FILEHOST_STORAGE_S3_SECRET_KEY)";

    private BucketConnector() {
    }

    static S3Client connect(S3Settings settings) {
        S3Client s3 = client(settings);
        try {
            ensureBucket(s3, settings);
            return s3;
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(MAX_CONNECTIONS))
                // Not every S3-compatible store understands checksum trailers: send them only where S3 requires.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!settings.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    private static void ensureBucket(S3Client s3, S3Settings settings) {
        try {
            s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (NoSuchBucketException e) {
            createBucket(s3, settings);
        } catch (SdkException e) {
            throw explain(e, settings);
        }
    }

    private static void createBucket(S3Client s3, S3Settings settings) {
        boolean defaultRegion = settings.region().equals(Region.US_EAST_1.id());
        try {
            s3.createBucket(b -> b.bucket(settings.bucket()).createBucketConfiguration(defaultRegion ? null
                    : CreateBucketConfiguration.builder().locationConstraint(settings.region()).build()));
        } catch (BucketAlreadyOwnedByYouException createdByAnotherNode) {
            // Several nodes starting together on a new bucket: one of them created it.
        } catch (S3Exception e) {
            throw new SettingsException("Cannot create the bucket '" + settings.bucket() + "' of " + BUCKET + ": "
                    + oneLine(e.awsErrorDetails().errorMessage()));
        } catch (SdkException e) {
            throw explain(e, settings);
        }
    }

    private static SettingsException explain(SdkException e, S3Settings settings) {
        if (e instanceof SdkClientException) {
            String where = settings.endpoint().isEmpty()
                    ? "S3 in region " + settings.region() + " of " + REGION
                    : "the S3 store at " + ENDPOINT + " " + settings.endpoint();
            return new SettingsException("Cannot reach " + where + ": " + oneLine(rootMessage(e)));
        }
        if (S3Errors.hasStatus(e, 403)) {
            return new SettingsException("The S3 store refused access to the bucket '" + settings.bucket()
                    + "': check " + CREDENTIALS + " and " + BUCKET);
        }
        if (S3Errors.hasStatus(e, 301)) {
            return new SettingsException("The bucket '" + settings.bucket() + "' is not in the region '"
                    + settings.region() + "' of " + REGION);
        }
        return new SettingsException("The S3 store answered the check of the bucket '" + settings.bucket()
                + "' with an error (" + BUCKET + ", " + ENDPOINT + "): " + oneLine(e.getMessage()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : e.getMessage();
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s+", " ").strip();
    }
}
