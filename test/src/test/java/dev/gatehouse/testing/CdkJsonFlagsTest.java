package dev.gatehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * The repository's cdk.json carries the feature flags {@code cdk init} writes for the pinned
 * aws-cdk-lib: its {@code recommended-feature-flags.json}, read from the jsii package inside the
 * aws-cdk-lib jar, so that upgrading aws-cdk-lib without updating cdk.json fails here.
 */
class CdkJsonFlagsTest {

    @Test
    void cdkJsonHasExactlyTheRecommendedFlagsOfThePinnedAwsCdkLib() throws IOException {
        String version = App.class.getPackage().getImplementationVersion();
        String tarball = "/software/amazon/awscdk/aws-cdk-lib@" + version + ".jsii.tgz";
        byte[] recommended;
        try (InputStream in = App.class.getResourceAsStream(tarball)) {
            assertNotNull(in, "no jsii package " + tarball + " in the aws-cdk-lib jar");
            recommended = tarEntry(new GZIPInputStream(in), "package/recommended-feature-flags.json");
        }
        Map<String, Object> expected = new TreeMap<>(new ObjectMapper().readValue(recommended, Map.class));
        assertEquals(expected, new TreeMap<>(CdkJsonContext.context()),
                "cdk.json's context should be aws-cdk-lib " + version + "'s recommended-feature-flags.json");
    }

    /** The content of {@code name} in a tar stream (ustar headers: name at 0, octal size at 124). */
    private static byte[] tarEntry(InputStream tar, String name) throws IOException {
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String entry = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
            long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            long padded = (size + 511) / 512 * 512;
            if (entry.equals(name)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(tar.readNBytes((int) size));
                return out.toByteArray();
            }
            tar.skipNBytes(padded);
        }
        throw new AssertionError(name + " not found in the aws-cdk-lib jsii package");
    }
}
