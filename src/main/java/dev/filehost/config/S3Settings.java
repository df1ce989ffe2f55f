package dev.filehost.config;

import java.util.Optional;

/**
 * Where and how to reach the bucket.
 *
 * @param endpoint base URL of an S3-compatible service, or empty for AWS itself
 * @param accessKey empty to use the AWS SDK's default credentials (environment, profile, instance role)
 * @param pathStyle address the bucket as {@code <endpoint>/<bucket>} rather than as a host name
 * @param partSizeBytes size of each part of a multipart upload, and of the largest blob sent in one request
 */
public record S3Settings(String endpoint, String bucket, String region, String accessKey, String secretKey,
                         boolean pathStyle, int partSizeBytes) {

    /** Empty for blobs under the data directory. */
    static Optional<S3Settings> read(SettingReader settings) {
        if (settings.get(SettingKeys.STORAGE_TYPE).equals("local")) {
            return Optional.empty();
        }
        String bucket = settings.get(SettingKeys.S3_BUCKET);
        String endpoint = settings.get(SettingKeys.S3_ENDPOINT);
        String accessKey = settings.get(SettingKeys.S3_ACCESS_KEY);
        String secretKey = accessKey.isEmpty() ? "" : settings.get(SettingKeys.S3_SECRET_KEY);
        return Optional.of(new S3Settings(endpoint, bucket, settings.get(SettingKeys.S3_REGION), accessKey, secretKey,
                settings.get(SettingKeys.S3_PATH_STYLE), settings.get(SettingKeys.S3_PART_SIZE_BYTES)));
    }

    /** Settings end up in logs and error reports; the secret must not. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey="
                + accessKey + ", secretKey=" + (secretKey.isEmpty() ? "" : "***") + ", pathStyle=" + pathStyle
                + ", partSizeBytes=" + partSizeBytes + "]";
    }
}
